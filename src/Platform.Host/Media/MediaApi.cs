using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Host.Authentication;
using Platform.Host.Problems;
using Platform.WhatsApp.Media;

namespace Platform.Host.Media;

/// <summary>
/// Tenants' files: upload like Meta's <c>POST /{phone-number-id}/media</c> (multipart: <c>file</c>, <c>type</c>, optional
/// <c>phone_number_id</c>), send by our id (<c>{"image":{"id":"med_…"}}</c>), download, read the metadata, delete. Files
/// customers send arrive here too, by the id their <c>message.received</c> event names.
/// </summary>
public static class MediaApi
{
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
            .WithMetadata(new RequestSizeLimitAttribute(MediaUploader.MaxRequestBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MediaUploader.MaxRequestBytes });
        group.MapGet("/{id}", Download).WithName("DownloadMedia")
            .WithSummary("The file's bytes, with its Content-Type and a Content-Disposition naming the file.");
        group.MapGet("/{id}/metadata", GetMetadata).WithName("GetMediaMetadata")
            .WithSummary("The file's metadata: MIME type, size, SHA-256, name, direction, sender, Meta's media id per number.");
        group.MapDelete("/{id}", Delete).WithName("DeleteMedia")
            .WithSummary("Deletes the file and its metadata; messages already accepted that name it fail instead of sending.");
        return group;
    }

    private static async Task<IResult> Upload(HttpRequest request, CurrentTenant tenant, MediaUploader uploader, CancellationToken cancellationToken)
    {
        var outcome = await uploader.UploadAsync(request, tenant.Id, phoneNumberId: null, cancellationToken);
        if (outcome.Errors is { } errors)
        {
            return Problem.Invalid(errors);
        }

        if (outcome.RefusalCode is { } code)
        {
            return Problem.Refused(code, outcome.RefusalDetail!);
        }

        var record = outcome.Record!;
        return outcome.MetaFailure is { } failure
            ? MetaFailed(record.Id, failure)
            : TypedResults.Created($"/v1/media/{record.Id}", MediaResponse.Of(record));
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
