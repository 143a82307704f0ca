using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Grains.Audit;
using Platform.Grains.Contacts;
using Platform.Grains.Privacy;
using Platform.Host.Audit;
using Platform.Host.Authentication;
using Platform.Host.Problems;
using Platform.WhatsApp;

namespace Platform.Host.Privacy;

/// <summary>
/// Erasing a customer on request: message bodies, the number in the history, the window and the contact record go; an
/// opt-out survives only as a hash of the number, and billing rows (which never held the number) stay. And the tenant's
/// retention period, after which every message body is removed.
/// </summary>
public static class PrivacyApi
{
    private const int MinRetentionDays = 1;
    private const int MaxRetentionDays = 3650;

    public static RouteGroupBuilder MapPrivacyApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/contacts")
            .WithTags("Contacts")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.ContactsRead, ApiScopes.ContactsWrite);

        routes.MapGroup("/v1/settings/privacy")
            .WithTags("Settings")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.ContactsRead, ApiScopes.Admin)
            .MapRetentionSettings();

        group.MapDelete("/{wa_id}", EraseContact).WithName("EraseContact")
            .WithSummary("Erases the customer: message bodies and their number from the history, the conversation, the contact record and consent history; an opt-out is kept as a hash so they are never messaged.");
        return group;
    }

    private static void MapRetentionSettings(this RouteGroupBuilder group)
    {
        group.MapGet("", GetRetention).WithName("GetPrivacySettings")
            .WithSummary("After how many days message bodies are removed from the history (null: kept).");
        group.MapPut("", SetRetention).WithName("SetPrivacySettings")
            .WithSummary("Sets the message-body retention period in days (1 to 3650, or null to keep bodies); needs the admin scope.");
    }

    private static async Task<Ok<RetentionSettings>> GetRetention(CurrentTenant tenant, IGrainFactory grains) =>
        TypedResults.Ok(new RetentionSettings(await grains.GetGrain<IMessageRetentionGrain>(IMessageRetentionGrain.Key).GetAsync(tenant.Id)));

    private static async Task<Results<Ok<RetentionSettings>, ValidationProblem>> SetRetention(
        RetentionSettings request, CurrentTenant tenant, IGrainFactory grains, AuditLog log)
    {
        if (request.MessageRetentionDays is < MinRetentionDays or > MaxRetentionDays)
        {
            return Problem.Invalid("message_retention_days", $"From {MinRetentionDays} to {MaxRetentionDays} days, or null to keep message bodies.");
        }

        await grains.GetGrain<IMessageRetentionGrain>(IMessageRetentionGrain.Key).SetAsync(tenant.Id, request.MessageRetentionDays);
        await log.RecordAsync(tenant.Id, tenant.KeyId, AuditActions.RetentionChanged, "message_retention_days", request.MessageRetentionDays?.ToString(CultureInfo.InvariantCulture) ?? "kept");
        return TypedResults.Ok(request);
    }

    private static async Task<Results<NoContent, ValidationProblem>> EraseContact(
        string wa_id, CurrentTenant tenant, CustomerEraser eraser, AuditLog log, CancellationToken cancellationToken)
    {
        if (WaIds.Normalize(wa_id) is not { } waId)
        {
            return Problem.Invalid("wa_id", "The customer's number must be in international form (for example 4915123456789).");
        }

        await eraser.EraseAsync(tenant.Id, waId, cancellationToken);

        // The audit log names contacts by pseudonym only, so it keeps nothing of the number it was asked to forget.
        await log.RecordAsync(tenant.Id, tenant.KeyId, AuditActions.ContactErased, ContactIndex.Pseudonym(tenant.Id, waId));
        return TypedResults.NoContent();
    }
}
