using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Grains.Tenants;
using Platform.Host.Authentication;
using Platform.Host.CloudApi;
using Platform.Host.Problems;

namespace Platform.Host.Media;

/// <summary>
/// Meta's media endpoints on the Cloud-API-compatible path, so a tenant's existing upload code works by changing its base
/// URL and token: <c>POST /{phone-number-id}/media</c> answers <c>{"id"}</c> (our <c>med_…</c> id, which sends accept);
/// <c>GET /{media-id}</c> (our id, or Meta's id of a file a customer sent) answers Meta's description with a <c>url</c> that
/// serves the file to the same bearer token;
/// <c>DELETE /{media-id}</c> answers <c>{"success": true}</c>. Errors come in Meta's shape.
/// </summary>
public static class CloudMediaApi
{
    public static RouteGroupBuilder MapCloudMediaApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/cloud").WithTags("Cloud API compatible").AllowAnonymous();
        group.MapPost("/v{version}/{phoneNumberId}/media", Upload).WithName("CloudUploadMedia")
            .WithSummary("Meta's media upload (multipart: file, type, messaging_product); answers {\"id\"} with our media id; authenticate with a tenant key.")
            .WithMetadata(new RequestSizeLimitAttribute(MediaUploader.MaxRequestBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MediaUploader.MaxRequestBytes });
        group.MapGet("/v{version}/{mediaId}", Describe).WithName("CloudGetMedia")
            .WithSummary("Meta's media description: url (download it with the same bearer token), mime_type, sha256, file_size, id.");
        group.MapDelete("/v{version}/{mediaId}", Delete).WithName("CloudDeleteMedia")
            .WithSummary("Deletes an uploaded or received file; answers {\"success\": true}.");
        return group;
    }

    private static async Task<IResult> Upload(string version, string phoneNumberId, HttpContext http, MediaUploader uploader, IGrainFactory grains)
    {
        var (tenantId, refused) = await AuthenticateAsync(http, grains, ApiScopes.MediaWrite, write: true);
        if (refused is not null)
        {
            return refused;
        }

        var outcome = await uploader.UploadAsync(http.Request, tenantId, phoneNumberId, http.RequestAborted);
        if (outcome.Errors is { } errors)
        {
            return Error(http, StatusCodes.Status400BadRequest, 100, "Invalid parameter", string.Join("; ", errors.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}")));
        }

        if (outcome.RefusalCode is { } code)
        {
            return Error(http, StatusCodes.Status400BadRequest, 133010, "Phone number not registered", $"{code}: {outcome.RefusalDetail}");
        }

        var record = outcome.Record!;
        if (outcome.MetaFailure is { } failure)
        {
            return Error(http, StatusCodes.Status400BadRequest, failure.MetaCode ?? CloudMediaUploads.MediaUnusable, "Media upload error",
                $"Stored as {record.Id}, but uploading it to Meta failed: {failure.Message} A send naming {record.Id} uploads it again.");
        }

        return TypedResults.Ok(new CloudMediaId(record.Id));
    }

    private static async Task<IResult> Describe(string version, string mediaId, HttpContext http, IMediaStore store, IGrainFactory grains)
    {
        var (tenantId, refused) = await AuthenticateAsync(http, grains, ApiScopes.MessagesRead, write: false);
        if (refused is not null)
        {
            return refused;
        }

        // Code moved from Meta looks a customer's file up by the id Meta's webhook named; we answer with our copy of it.
        var id = MediaIdFormat.IsValid(mediaId) ? mediaId : await store.FindReceivedAsync(tenantId, mediaId, http.RequestAborted) ?? mediaId;
        if (await store.GetAsync(tenantId, id, http.RequestAborted) is not { } record)
        {
            return Missing(http, mediaId);
        }

        var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/v1/media/{record.Id}";
        return TypedResults.Ok(new CloudMediaDescription("whatsapp", url, record.MimeType, record.Sha256, record.Size, record.Id));
    }

    private static async Task<IResult> Delete(string version, string mediaId, HttpContext http, IMediaStore store, IGrainFactory grains)
    {
        var (tenantId, refused) = await AuthenticateAsync(http, grains, ApiScopes.MediaWrite, write: true);
        if (refused is not null)
        {
            return refused;
        }

        return await store.DeleteAsync(tenantId, mediaId, http.RequestAborted)
            ? TypedResults.Ok(new CloudSuccess(true))
            : Missing(http, mediaId);
    }

    /// <summary>The caller's tenant, or Meta's error saying why the key may not do this.</summary>
    private static async Task<(string TenantId, IResult? Refused)> AuthenticateAsync(HttpContext http, IGrainFactory grains, string scope, bool write)
    {
        var authentication = await http.AuthenticateAsync(AuthenticationSchemes.TenantKey);
        if (!authentication.Succeeded || authentication.Principal.FindFirst(PlatformClaims.TenantId)?.Value is not { } tenantId)
        {
            return ("", Error(http, StatusCodes.Status401Unauthorized, 190, "Invalid OAuth access token - Cannot parse access token", "Send a tenant API key as 'Authorization: Bearer <key>'."));
        }

        if (!HasScope(authentication.Principal, scope))
        {
            return (tenantId, Error(http, StatusCodes.Status403Forbidden, 10, "Application does not have permission for this action", $"This key lacks the '{scope}' scope."));
        }

        if (write && await grains.GetGrain<ITenantGrain>(tenantId).GetProfileAsync() is { Status: not TenantStatuses.Active } profile)
        {
            return (tenantId, Error(http, StatusCodes.Status400BadRequest, 131031, "Business Account locked", $"{ErrorCodes.TenantSuspended}: the account is {profile.Status}."));
        }

        return (tenantId, null);
    }

    private static bool HasScope(ClaimsPrincipal principal, string scope) =>
        principal.HasClaim(PlatformClaims.Scope, scope) || principal.HasClaim(PlatformClaims.Scope, ApiScopes.Admin);

    private static JsonHttpResult<MetaErrorResponse> Missing(HttpContext http, string mediaId) =>
        Error(http, StatusCodes.Status400BadRequest, 100, "Invalid parameter", $"Unsupported request. Object with ID '{mediaId}' does not exist or this key's tenant cannot see it.");

    private static JsonHttpResult<MetaErrorResponse> Error(HttpContext http, int status, int code, string title, string details) =>
        TypedResults.Json(
            new MetaErrorResponse(new MetaError($"(#{code}) {title}", "OAuthException", code, new MetaErrorData("whatsapp", details), http.TraceIdentifier)),
            statusCode: status);
}
