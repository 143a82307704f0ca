using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Grains.Audit;
using Platform.Grains.Contacts;
using Platform.Host.Audit;
using Platform.Host.Authentication;
using Platform.Host.Partner;
using Platform.Host.Problems;
using Platform.WhatsApp;

namespace Platform.Host.Contacts;

/// <summary>
/// Customers' consent with this tenant: opt-in with source and proof, opt-out of everything or of marketing only, the
/// record with its history, and the opted-out list. STOP / START and Meta's marketing stop change the same record.
/// </summary>
public static class ContactsApi
{
    public const int MaxSourceLength = 200;
    public const int MaxProofLength = 2000;

    public static RouteGroupBuilder MapContactsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/contacts")
            .WithTags("Contacts")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.ContactsRead, ApiScopes.ContactsWrite);

        group.MapPost("/{wa_id}/opt-in", OptIn).WithName("OptInContact")
            .WithSummary("Records the customer's opt-in to templates with its source and proof (also lifts an opt-out).");
        group.MapPost("/{wa_id}/opt-out", OptOut).WithName("OptOutContact")
            .WithSummary("Opts the customer out of every template, or of MARKETING templates only (scope marketing).");
        group.MapGet("/{wa_id}", GetContact).WithName("GetContact").WithSummary("The customer's consent now and its history.");
        group.MapGet("/opted-out", ListOptedOut).WithName("ListOptedOutContacts")
            .WithSummary("Customers opted out of everything or of marketing, a page at a time.");
        return group;
    }

    private static async Task<Results<Ok<ContactResponse>, ValidationProblem>> OptIn(
        string wa_id, OptInRequest request, CurrentTenant tenant, IGrainFactory grains, AuditTrail audit, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        var waId = WaIds.Normalize(wa_id);
        if (waId is null)
        {
            errors["wa_id"] = ["The customer's number must be in international form (for example 4915123456789)."];
        }

        var source = request.Source?.Trim();
        if (string.IsNullOrEmpty(source) || source.Length > MaxSourceLength)
        {
            errors["source"] = [$"Where the customer agreed (1 to {MaxSourceLength} characters) is required, for example \"checkout form\"."];
        }

        var proof = request.Proof?.Trim();
        if (string.IsNullOrEmpty(proof) || proof.Length > MaxProofLength)
        {
            errors["proof"] = [$"The proof of consent (1 to {MaxProofLength} characters) is required, for example the text the customer ticked."];
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        // The history's source names the channel (api); where the customer agreed is part of the proof.
        var change = new ConsentChange(ConsentKinds.OptIn, ConsentSources.Api, $"{source}: {proof}", time.GetUtcNow());
        return TypedResults.Ok(await RecordAsync(tenant.Id, waId!, change, grains, audit));
    }

    private static async Task<Results<Ok<ContactResponse>, ValidationProblem>> OptOut(
        string wa_id, OptOutRequest? request, CurrentTenant tenant, IGrainFactory grains, AuditTrail audit, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        var waId = WaIds.Normalize(wa_id);
        if (waId is null)
        {
            errors["wa_id"] = ["The customer's number must be in international form (for example 4915123456789)."];
        }

        if (request?.Scope is not (null or "all" or "marketing"))
        {
            errors["scope"] = ["The scope must be all (every template) or marketing (MARKETING templates only)."];
        }

        if (request?.Proof is { Length: > MaxProofLength })
        {
            errors["proof"] = [$"The note must be at most {MaxProofLength} characters."];
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var kind = request?.Scope == "marketing" ? ConsentKinds.OptOutMarketing : ConsentKinds.OptOut;
        var change = new ConsentChange(kind, ConsentSources.Api, request?.Proof?.Trim(), time.GetUtcNow());
        return TypedResults.Ok(await RecordAsync(tenant.Id, waId!, change, grains, audit));
    }

    private static async Task<Results<Ok<ContactResponse>, ValidationProblem>> GetContact(string wa_id, CurrentTenant tenant, IGrainFactory grains)
    {
        if (WaIds.Normalize(wa_id) is not { } waId)
        {
            return Problem.Invalid("wa_id", "The customer's number must be in international form (for example 4915123456789).");
        }

        // Every valid number has a record, possibly empty: a 404 here would only say "never recorded", which the empty record says too.
        var record = await grains.GetGrain<IContactGrain>(new ContactKey(tenant.Id, waId).ToString()).GetAsync();
        return TypedResults.Ok(record is null ? ContactResponse.Unknown(waId) : ContactResponse.From(record));
    }

    private static async Task<Results<Ok<ListResponse<OptedOutContactResponse>>, ValidationProblem>> ListOptedOut(
        CurrentTenant tenant, ContactIndex index, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (Paging.Limit(limit) is (_, { } errors))
        {
            return Problem.Invalid(errors);
        }

        var page = await index.ListOptedOutAsync(tenant.Id, cursor, Paging.Limit(limit).Limit, cancellationToken);
        return TypedResults.Ok(new ListResponse<OptedOutContactResponse>(
            [.. page.Items.Select(contact => new OptedOutContactResponse(contact.WaId, contact.OptedOut, contact.MarketingOptedOut, contact.ChangedAt))],
            page.NextCursor));
    }

    private static async Task<ContactResponse> RecordAsync(string tenantId, string waId, ConsentChange change, IGrainFactory grains, AuditTrail audit)
    {
        var contact = grains.GetGrain<IContactGrain>(new ContactKey(tenantId, waId).ToString());
        await contact.RecordConsentAsync(change);
        await audit.RecordAsync(tenantId, AuditActions.ConsentChanged, ContactIndex.Pseudonym(tenantId, waId), change.Kind);
        return ContactResponse.From((await contact.GetAsync())!);
    }
}
