using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Platform.Contracts.Inbound;
using Platform.Grains.Identifiers;
using Platform.Grains.Tenants;
using Platform.WhatsApp.CloudApi;
using Platform.WhatsApp.Media;

namespace Platform.Host.Media;

/// <summary>
/// Fetches the file of a customer's image, audio, video, document or sticker from Meta when the message arrives (Meta's
/// download URLs need the number's token and expire within minutes) and keeps it as our media, so the tenant reads it by
/// our id. The message's type object gains <c>media_id</c> and <c>media_status</c> (<c>stored</c>, or <c>unavailable</c>
/// with <c>media_error</c>) beside Meta's own fields: a file that cannot be fetched never holds its message back.
/// Sandbox numbers have no Meta behind them; their messages pass as they came.
/// </summary>
public sealed partial class InboundMedia(
    IGrainFactory grains,
    IAccessTokenSource tokens,
    GraphMediaClient graph,
    IMediaStore store,
    IOptions<MediaOptions> options,
    TimeProvider time,
    ILogger<InboundMedia> logger)
{
    public const string Stored = "stored";
    public const string Unavailable = "unavailable";

    private static readonly HashSet<string> MediaTypes = ["image", "audio", "video", "document", "sticker"];

    /// <summary>
    /// Our media id of a customer's file: derived from the wamid, so a webhook Meta delivers again finds the file already
    /// stored instead of storing it twice.
    /// </summary>
    public static string IdOf(string tenantId, CustomerMessage message) =>
        PlatformIds.Derive("med", message.Timestamp, $"{tenantId}/{message.Wamid}");

    /// <summary>The message's type object as the tenant gets it: with our media id, or saying why there is none.</summary>
    public async Task<string> AttachAsync(string tenantId, CustomerMessage message, CancellationToken cancellationToken)
    {
        if (!MediaTypes.Contains(message.Type)
            || JsonNode.Parse(message.Content) is not JsonObject content
            || content["id"] is not JsonValue metaIdValue
            || !metaIdValue.TryGetValue<string>(out var metaId))
        {
            return message.Content;
        }

        var number = await grains.GetGrain<ITenantGrain>(tenantId).FindPhoneNumberAsync(message.PhoneNumberId);
        if (number?.Channel != CloudApiChannel.ChannelName)
        {
            return message.Content;
        }

        var mediaId = IdOf(tenantId, message);
        if (await store.GetAsync(tenantId, mediaId, cancellationToken) is null)
        {
            var failure = await FetchAsync(tenantId, message, metaId, mediaId, content, cancellationToken);
            if (failure is not null)
            {
                LogUnavailable(metaId, message.Wamid, failure);
                content["media_status"] = Unavailable;
                content["media_error"] = failure;
                return content.ToJsonString();
            }
        }

        content["media_id"] = mediaId;
        content["media_status"] = Stored;
        return content.ToJsonString();
    }

    /// <summary>Fetches and stores the file, trying again after transient failures; answers why it failed, or null.</summary>
    private async Task<string?> FetchAsync(
        string tenantId, CustomerMessage message, string metaId, string mediaId, JsonObject content, CancellationToken cancellationToken)
    {
        if (await tokens.GetAsync(tenantId, message.PhoneNumberId, cancellationToken) is not { } token)
        {
            return "The business number has no access token to fetch the file from Meta with.";
        }

        var settings = options.Value;
        var delay = settings.FetchRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await FetchOnceAsync(tenantId, message, metaId, mediaId, content, token, cancellationToken);
                return null;
            }
            catch (GraphMediaException exception) when (exception.Retryable && attempt < settings.FetchAttempts)
            {
                LogRetrying(metaId, attempt, exception.Message);
                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
            catch (GraphMediaException exception)
            {
                return $"Meta's file could not be fetched after {attempt} attempt(s): {exception.Message}";
            }
        }
    }

    private async Task FetchOnceAsync(
        string tenantId, CustomerMessage message, string metaId, string mediaId, JsonObject content, string token, CancellationToken cancellationToken)
    {
        var info = await graph.GetInfoAsync(metaId, message.PhoneNumberId, token, cancellationToken);
        var settings = options.Value;
        await using var file = new FileStream(
            Path.Combine(Path.GetTempPath(), $"{mediaId}.{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await graph.DownloadAsync(info.Url, token, file, WhatsApp.Media.MediaTypes.LargestFile, settings.TransferTimeout, cancellationToken);

        file.Position = 0;
        var hash = await SHA256.HashDataAsync(file, cancellationToken);
        var sha256 = Convert.ToHexStringLower(hash);
        if (info.Sha256 is { Length: > 0 } expected && !Matches(expected, hash))
        {
            throw new GraphMediaException($"The file's SHA-256 ({sha256}) is not the one Meta gave ({expected}).", null, retryable: true);
        }

        file.Position = 0;
        var mimeType = content["mime_type"] is JsonValue given && given.TryGetValue<string>(out var named) ? named : info.MimeType;
        await store.SaveAsync(
            new MediaRecord
            {
                TenantId = tenantId,
                Id = mediaId,
                MimeType = mimeType,
                Size = file.Length,
                Sha256 = sha256,
                FileName = content["filename"] is JsonValue name && name.TryGetValue<string>(out var fileName) ? fileName : null,
                Direction = MediaRecord.Received,
                PhoneNumberId = message.PhoneNumberId,
                CustomerWaId = message.From,
                MetaSourceId = metaId,
                CreatedAt = time.GetUtcNow(),
            },
            file,
            cancellationToken);
    }

    /// <summary>Meta writes a file's SHA-256 in hex in some answers and in base64 in others; either form must match.</summary>
    private static bool Matches(string expected, byte[] hash) =>
        string.Equals(expected, Convert.ToHexString(hash), StringComparison.OrdinalIgnoreCase)
        || expected == Convert.ToBase64String(hash)
        || expected.TrimEnd('=') == Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(LogLevel.Information, "Fetching media {MetaMediaId} from Meta failed (attempt {Attempt}): {Reason}; trying again")]
    private partial void LogRetrying(string metaMediaId, int attempt, string reason);

    [LoggerMessage(LogLevel.Warning, "Media {MetaMediaId} of message {Wamid} could not be fetched; the message goes on without it: {Reason}")]
    private partial void LogUnavailable(string metaMediaId, string wamid, string reason);
}
