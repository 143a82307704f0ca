using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Grains.Tenants;
using Platform.Host.Authentication;
using Platform.Host.Messages;
using Platform.Host.Problems;
using Platform.WhatsApp;
using Platform.WhatsApp.Messages;

namespace Platform.Host.CloudApi;

/// <summary>
/// Meta's own send endpoint, so a tenant's existing WhatsApp Cloud API code works by changing its base URL and token: Meta's
/// request body, Meta's answer, and Meta's error shape and codes (400, or 401 with 190 for a bad token). The token is a
/// tenant API key; the rules and pipeline are the portal API's.
/// </summary>
public static class CloudMessagesApi
{
    /// <summary>Our refusals in Meta's codes; Meta has no code for a missing opt-in, so that one borrows its "not delivered".</summary>
    private static readonly Dictionary<string, (int Code, string Title)> MetaCodes = new()
    {
        [ErrorCodes.WindowClosed] = (131047, "Re-engagement message"),
        [ErrorCodes.TemplateNotApproved] = (132001, "Template name does not exist in the translation"),
        [ErrorCodes.TemplateParameters] = (132000, "Number of parameters does not match the expected number of params"),
        [ErrorCodes.OptedOut] = (131050, "Unable to deliver message: the user has opted out"),
        [ErrorCodes.ConsentRequired] = (131049, "This message was not delivered: the user has not opted in"),
        [ErrorCodes.PhoneNumberUnavailable] = (133010, "Phone number not registered"),
        [ErrorCodes.SpendLimitReached] = (131042, "Business eligibility payment issue"),
    };

    public static RouteGroupBuilder MapCloudMessagesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/cloud").WithTags("Cloud API compatible").AllowAnonymous();
        group.MapPost("/v{version}/{phoneNumberId}/messages", SendMessage).WithName("CloudSendMessage")
            .WithSummary("Meta's Cloud API send endpoint: Meta's body, answer and errors; authenticate with a tenant key as the bearer token.")
            .Accepts<JsonElement>("application/json")
            .Produces<CloudSendResponse>()
            .Produces<MetaErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<MetaErrorResponse>(StatusCodes.Status401Unauthorized);
        return group;
    }

    private static async Task<IResult> SendMessage(string version, string phoneNumberId, HttpContext http, MessageSender sender, IGrainFactory grains)
    {
        var authentication = await http.AuthenticateAsync(AuthenticationSchemes.TenantKey);
        if (!authentication.Succeeded || authentication.Principal.FindFirst(PlatformClaims.TenantId)?.Value is not { } tenantId)
        {
            return Error(http, StatusCodes.Status401Unauthorized, 190, "Invalid OAuth access token - Cannot parse access token", "Send a tenant API key as 'Authorization: Bearer <key>'.");
        }

        if (!HasScope(authentication.Principal, ApiScopes.MessagesSend))
        {
            return Error(http, StatusCodes.Status403Forbidden, 10, "Application does not have permission for this action", $"This key lacks the '{ApiScopes.MessagesSend}' scope.");
        }

        if (await grains.GetGrain<ITenantGrain>(tenantId).GetProfileAsync() is { Status: not TenantStatuses.Active } profile)
        {
            return Error(http, StatusCodes.Status400BadRequest, 131031, "Business Account locked", $"{ErrorCodes.TenantSuspended}: the account is {profile.Status}{(profile.StatusReason is { } reason ? $": {reason}" : "")}.");
        }

        string? unreadable = null;
        if (await MessageBody.ReadAsync(http.Request, error => unreadable = error) is not { } body)
        {
            return Error(http, StatusCodes.Status400BadRequest, 100, "Invalid parameter", unreadable!);
        }

        using var document = body.Json;
        var root = document.RootElement;
        var errors = new ValidationErrors();
        string? input = null;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (errors.Text(root, "messaging_product", "messaging_product", 16, required: true) is { } product && product != "whatsapp")
            {
                errors.Add("messaging_product", "Must be \"whatsapp\".");
            }

            input = errors.Text(root, "to", "to", 32, required: true);
        }

        var to = WaIds.ToRecipient(input);
        if (input is not null && to is null)
        {
            errors.Add("to", "Not a phone number in international form.");
        }

        var message = MessageValidator.Validate(root, errors);
        if (!errors.IsEmpty || message is null)
        {
            var details = string.Join("; ", errors.ToDictionary().Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}"));
            return Error(http, StatusCodes.Status400BadRequest, 100, "Invalid parameter", details);
        }

        var attempt = await sender.SendAsync(tenantId, phoneNumberId, to!, message, sender.NewMessageId(), mayRepeat: false);
        if (attempt.Refusal is { } refusal)
        {
            var (code, title) = MetaCodes.GetValueOrDefault(refusal.Code, (131000, "Something went wrong"));
            return Error(http, StatusCodes.Status400BadRequest, code, title, $"{refusal.Code}: {refusal.Detail}");
        }

        return TypedResults.Ok(new CloudSendResponse("whatsapp", [new CloudContact(input!, attempt.WaId)], [new CloudMessageId(attempt.MessageId!)]));
    }

    private static bool HasScope(ClaimsPrincipal principal, string scope) =>
        principal.HasClaim(PlatformClaims.Scope, scope) || principal.HasClaim(PlatformClaims.Scope, ApiScopes.Admin);

    private static JsonHttpResult<MetaErrorResponse> Error(HttpContext http, int status, int code, string title, string details) =>
        TypedResults.Json(
            new MetaErrorResponse(new MetaError($"(#{code}) {title}", "OAuthException", code, new MetaErrorData("whatsapp", details), http.TraceIdentifier)),
            statusCode: status);
}
