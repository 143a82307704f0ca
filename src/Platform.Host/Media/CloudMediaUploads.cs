using Microsoft.Extensions.Options;
using Platform.WhatsApp.Channels;
using Platform.WhatsApp.Media;

namespace Platform.Host.Media;

/// <summary>
/// Gives the Cloud API channel Meta's media id of our files for the sending number: the one recorded when the file was
/// uploaded for that number (and is younger than Meta's 30 days), otherwise a fresh upload, recorded for the next send. A
/// file that no longer exists fails the message; Meta being unwell defers it.
/// </summary>
internal sealed class CloudMediaUploads(IMediaStore store, GraphMediaClient graph, IOptions<MediaOptions> options, TimeProvider time) : IMediaIdResolver
{
    /// <summary>Meta's code for a media file it cannot use.</summary>
    public const int MediaUnusable = 131053;

    public async Task<MediaResolution> ResolveAsync(
        string tenantId, string phoneNumberId, string accessToken, IReadOnlyCollection<string> mediaIds, CancellationToken cancellationToken)
    {
        var metaIds = new Dictionary<string, string>();
        foreach (var mediaId in mediaIds)
        {
            if (await store.GetAsync(tenantId, mediaId, cancellationToken) is not { } record)
            {
                return MediaResolution.Failed(ChannelSendResult.Rejected(
                    new ChannelError(MediaUnusable, "Media upload error", $"Media {mediaId} no longer exists; it was deleted after the message was accepted.")));
            }

            if (record.MetaUploads.TryGetValue(phoneNumberId, out var known) && known.IsFresh(time.GetUtcNow()))
            {
                metaIds[mediaId] = known.MediaId;
                continue;
            }

            try
            {
                var uploaded = await UploadAsync(record, phoneNumberId, accessToken, cancellationToken);
                metaIds[mediaId] = uploaded.MediaId;
            }
            catch (GraphMediaException exception)
            {
                var error = new ChannelError(exception.MetaCode ?? MediaUnusable, "Media upload error", $"Uploading {mediaId} to Meta failed: {exception.Message}");
                return MediaResolution.Failed(exception.Retryable ? ChannelSendResult.Deferred(error, TimeSpan.FromSeconds(2)) : ChannelSendResult.Rejected(error));
            }
        }

        return new MediaResolution(metaIds, null);
    }

    /// <summary>Uploads the file for <paramref name="phoneNumberId"/> and records Meta's id of it.</summary>
    public async Task<MetaUpload> UploadAsync(MediaRecord record, string phoneNumberId, string accessToken, CancellationToken cancellationToken)
    {
        await using var content = await store.OpenAsync(record.TenantId, record.Id, cancellationToken)
            ?? throw new GraphMediaException($"Media {record.Id} has no stored file.", MediaUnusable, retryable: false);
        var metaId = await graph.UploadAsync(phoneNumberId, accessToken, content, record.MimeType, record.DownloadName, options.Value.TransferTimeout, cancellationToken);
        var upload = new MetaUpload(metaId, time.GetUtcNow());
        await store.RecordMetaUploadAsync(record.TenantId, record.Id, phoneNumberId, upload, cancellationToken);
        return upload;
    }
}
