using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Grains.Identifiers;
using Platform.Grains.Tenants;
using Platform.Host.Authentication;
using Platform.Host.Problems;
using Platform.WhatsApp.CloudApi;
using Platform.WhatsApp.Media;
using Platform.WhatsApp.Messages;

namespace Platform.Host.Media;

/// <summary>
/// Tenants' files: upload like Meta's <c>POST /{phone-number-id}/media</c> (multipart: <c>file</c>, <c>type</c>, optional
/// <c>phone_number_id</c>), send by our id (<c>{"image":{"id":"med_…"}}</c>), download, read the metadata, delete. Files
/// customers send arrive here too, by the id their <c>message.received</c> event names.
/// </summary>
public static class MediaApi
{
    /// <summary>The largest body an upload may have: Meta's largest file (a 100 MB document) and the form around it.</summary>
    public const long MaxRequestBytes = MediaTypes.LargestFile + (1024 * 1024);

    public static RouteGroupBuilder MapMediaApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/media")
            .WithTags("Media")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.MessagesRead, ApiScopes.MediaWrite);

        group.MapPost("/", Upload).WithName("UploadMedia")
            .WithSummary("Stores a file for sending by id (multipart/form-data: file, type = its MIME type, optional phone_number_id); checks Meta's types and size limits and, for a cloud_api number, uploads it to Meta at once.")
            .Produces<MediaResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxRequestBytes });
        group.MapGet("/{id}", Download).WithName("DownloadMedia")
            .WithSummary("The file's bytes, with its Content-Type and a Content-Disposition naming the file.");
        group.MapGet("/{id}/metadata", GetMetadata).WithName("GetMediaMetadata")
            .WithSummary("The file's metadata: MIME type, size, SHA-256, name, direction, sender, Meta's media id per number.");
        group.MapDelete("/{id}", Delete).WithName("DeleteMedia")
            .WithSummary("Deletes the file and its metadata; messages already accepted that name it fail instead of sending.");
        return group;
    }

    private static async Task<IResult> Upload(
        HttpRequest request,
        CurrentTenant tenant,
        IMediaStore store,
        IGrainFactory grains,
        IAccessTokenSource tokens,
        CloudMediaUploads uploads,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Problem.Invalid("file", "Send multipart/form-data with the file in a field named 'file' and its MIME type in 'type'.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Problem.Invalid("file", $"The multipart body could not be read: {exception.Message}");
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

        var phoneNumberId = form["phone_number_id"] is { Count: > 0 } given ? given.ToString() : null;
        var fileName = file is null ? null : Path.GetFileName(file.FileName);
        if (fileName is { Length: > MessageLimits.FileName })
        {
            errors["file"] = [$"The file name may be at most {MessageLimits.FileName} characters."];
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        PhoneNumber? number = null;
        if (phoneNumberId is not null)
        {
            number = await grains.GetGrain<ITenantGrain>(tenant.Id).FindPhoneNumberAsync(phoneNumberId);
            if (number is not { Status: PhoneNumberStatuses.Connected })
            {
                return Problem.Refused(ErrorCodes.PhoneNumberUnavailable, $"Phone number {phoneNumberId} is not a connected number of this tenant.");
            }
        }

        var now = time.GetUtcNow();
        await using var content = file!.OpenReadStream();
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = 0;
        var record = new MediaRecord
        {
            TenantId = tenant.Id,
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
                var token = await tokens.GetAsync(tenant.Id, number.PhoneNumberId, cancellationToken)
                    ?? throw new GraphMediaException("The number has no access token; register it again with one.", 190, retryable: false);
                record = record with { MetaUploads = record.MetaUploads.SetItem(number.PhoneNumberId, await uploads.UploadAsync(record, number.PhoneNumberId, token, cancellationToken)) };
            }
            catch (GraphMediaException exception)
            {
                return MetaFailed(record.Id, exception);
            }
        }

        return TypedResults.Created($"/v1/media/{record.Id}", MediaResponse.Of(record));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        string id, CurrentTenant tenant, IMediaStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(tenant.Id, id, cancellationToken) is not { } record
            || await store.OpenAsync(tenant.Id, id, cancellationToken) is not { } content)
        {
            return NotFound(id);
        }

        return TypedResults.Stream(content, record.MimeType, record.DownloadName);
    }

    private static async Task<Results<Ok<MediaResponse>, ProblemHttpResult>> GetMetadata(
        string id, CurrentTenant tenant, IMediaStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(tenant.Id, id, cancellationToken) is { } record ? TypedResults.Ok(MediaResponse.Of(record)) : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, CurrentTenant tenant, IMediaStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(tenant.Id, id, cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static ProblemHttpResult NotFound(string id) => Problem.NotFound($"This tenant has no media with id '{id}'.");

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

    private static ProblemHttpResult MetaFailed(string mediaId, GraphMediaException exception)
    {
        var extensions = new Dictionary<string, object?>
        {
            ["code"] = exception.Retryable ? ErrorCodes.MetaUnavailable : ErrorCodes.MetaRejected,
            ["media_id"] = mediaId,
            ["meta_code"] = exception.MetaCode,
        };
        return TypedResults.Problem(
            detail: $"The file is stored as {mediaId}, but uploading it to Meta failed: {exception.Message} A send naming {mediaId} uploads it again.",
            statusCode: exception.Retryable ? StatusCodes.Status502BadGateway : StatusCodes.Status422UnprocessableEntity,
            extensions: extensions);
    }
}
