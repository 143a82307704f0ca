using System.Security.Cryptography;
using Platform.Grains.Identifiers;
using Platform.Grains.Tenants;
using Platform.Host.Problems;
using Platform.WhatsApp.CloudApi;
using Platform.WhatsApp.Media;
using Platform.WhatsApp.Messages;

namespace Platform.Host.Media;

/// <summary>
/// Takes an upload in the shape of Meta's <c>POST /{phone-number-id}/media</c> (multipart: <c>file</c>, <c>type</c>,
/// <c>messaging_product</c>, and here an optional <c>phone_number_id</c>), checks it against Meta's types and limits, stores
/// it, and uploads it to Meta at once for a <c>cloud_api</c> number. Both the portal API and the Cloud-API-compatible
/// endpoint use it; each answers in its own shape.
/// </summary>
internal sealed class MediaUploader(
    IMediaStore store, IGrainFactory grains, IAccessTokenSource tokens, CloudMediaUploads uploads, TimeProvider time)
{
    /// <summary>The largest body an upload may have: Meta's largest file (a 100 MB document) and the form around it.</summary>
    public const long MaxRequestBytes = MediaTypes.LargestFile + (1024 * 1024);

    /// <param name="request">The multipart request.</param>
    /// <param name="tenantId">The caller's tenant.</param>
    /// <param name="phoneNumberId">The number the path names (Meta's shape), or null to read the optional form field.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public async Task<MediaUploadOutcome> UploadAsync(HttpRequest request, string tenantId, string? phoneNumberId, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Invalid("file", "Send multipart/form-data with the file in a field named 'file' and its MIME type in 'type'.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Invalid("file", $"The multipart body could not be read: {exception.Message}");
        }

        var errors = new Dictionary<string, string[]>();
        if (form["messaging_product"] is { Count: > 0 } product && product.ToString() != "whatsapp")
        {
            errors["messaging_product"] = ["Must be \"whatsapp\" when given."];
        }

        var file = form.Files.GetFile("file");
        var mimeType = form["type"] is { Count: > 0 } type ? type.ToString() : file?.ContentType;
        if (file is null || file.Length == 0)
        {
            errors["file"] = ["A non-empty file is required in the field 'file'."];
        }

        if (string.IsNullOrWhiteSpace(mimeType) || MediaTypes.KindOf(mimeType) is null)
        {
            errors["type"] = [$"The file's MIME type, one Meta takes: {string.Join(", ", MediaTypes.All)}."];
        }
        else if (file is { Length: > 0 } && await LimitAsync(file, mimeType) is var limit && file.Length > limit)
        {
            errors["file"] = [$"A {MediaTypes.Bare(mimeType)} file may be at most {limit:N0} bytes (Meta's limit); this one is {file.Length:N0} bytes."];
        }

        var fileName = file is null ? null : Path.GetFileName(file.FileName);
        if (fileName is { Length: > MessageLimits.FileName })
        {
            errors["file"] = [$"The file name may be at most {MessageLimits.FileName} characters."];
        }

        if (errors.Count > 0)
        {
            return new MediaUploadOutcome { Errors = errors };
        }

        phoneNumberId ??= form["phone_number_id"] is { Count: > 0 } given ? given.ToString() : null;
        PhoneNumber? number = null;
        if (phoneNumberId is not null)
        {
            number = await grains.GetGrain<ITenantGrain>(tenantId).FindPhoneNumberAsync(phoneNumberId);
            if (number is not { Status: PhoneNumberStatuses.Connected })
            {
                return new MediaUploadOutcome
                {
                    RefusalCode = ErrorCodes.PhoneNumberUnavailable,
                    RefusalDetail = $"Phone number {phoneNumberId} is not a connected number of this tenant.",
                };
            }
        }

        var now = time.GetUtcNow();
        await using var content = file!.OpenReadStream();
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = 0;
        var record = new MediaRecord
        {
            TenantId = tenantId,
            Id = PlatformIds.New("med", now),
            MimeType = MediaTypes.Bare(mimeType!),
            Size = file.Length,
            Sha256 = sha256,
            FileName = string.IsNullOrWhiteSpace(fileName) ? null : fileName,
            Direction = MediaRecord.Uploaded,
            PhoneNumberId = phoneNumberId,
            CreatedAt = now,
        };
        await store.SaveAsync(record, content, cancellationToken);

        if (number is { Channel: CloudApiChannel.ChannelName })
        {
            try
            {
                var token = await tokens.GetAsync(tenantId, number.PhoneNumberId, cancellationToken)
                    ?? throw new GraphMediaException("The number has no access token; register it again with one.", 190, retryable: false);
                var upload = await uploads.UploadAsync(record, number.PhoneNumberId, token, cancellationToken);
                record = record with { MetaUploads = record.MetaUploads.SetItem(number.PhoneNumberId, upload) };
            }
            catch (GraphMediaException exception)
            {
                return new MediaUploadOutcome { Record = record, MetaFailure = exception };
            }
        }

        return new MediaUploadOutcome { Record = record };
    }

    private static MediaUploadOutcome Invalid(string field, string error) =>
        new() { Errors = new Dictionary<string, string[]> { [field] = [error] } };

    /// <summary>Meta's size limit for this file; a WebP sticker's depends on whether it is animated.</summary>
    private static async Task<long> LimitAsync(IFormFile file, string mimeType)
    {
        if (MediaTypes.KindOf(mimeType) != "sticker")
        {
            return MediaTypes.LimitOf(mimeType, animated: false);
        }

        var header = new byte[32];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false);
        return MediaTypes.LimitOf(mimeType, MediaTypes.IsAnimatedWebp(header.AsSpan(0, read)));
    }
}
