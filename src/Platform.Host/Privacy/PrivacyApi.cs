using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Grains.Audit;
using Platform.Grains.Contacts;
using Platform.Host.Audit;
using Platform.Host.Authentication;
using Platform.Host.Problems;
using Platform.WhatsApp;

namespace Platform.Host.Privacy;

/// <summary>Erasing a customer on request: their contact record goes; an opt-out survives only as a hash of the number.</summary>
public static class PrivacyApi
{
    public static RouteGroupBuilder MapPrivacyApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/contacts")
            .WithTags("Contacts")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.ContactsRead, ApiScopes.ContactsWrite);

        group.MapDelete("/{wa_id}", EraseContact).WithName("EraseContact")
            .WithSummary("Erases the customer's contact record and consent history; an opt-out is kept as a hash so they are never messaged.");
        return group;
    }

    private static async Task<Results<NoContent, ValidationProblem>> EraseContact(string wa_id, CurrentTenant tenant, IGrainFactory grains, AuditLog log)
    {
        if (WaIds.Normalize(wa_id) is not { } waId)
        {
            return Problem.Invalid("wa_id", "The customer's number must be in international form (for example 4915123456789).");
        }

        await grains.GetGrain<IContactGrain>(new ContactKey(tenant.Id, waId).ToString()).EraseAsync();

        // The audit log names contacts by pseudonym only, so it keeps nothing of the number it was asked to forget.
        await log.RecordAsync(tenant.Id, tenant.KeyId, AuditActions.ContactErased, ContactIndex.Pseudonym(tenant.Id, waId));
        return TypedResults.NoContent();
    }
}
