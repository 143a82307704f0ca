using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Tenants;
using Platform.Grains.Audit;
using Platform.Grains.Identifiers;
using Platform.Grains.Routing;
using Platform.Grains.Tenants;
using Platform.Host.ApiKeys;
using Platform.Host.Audit;
using Platform.Host.Authentication;
using Platform.Host.Problems;

namespace Platform.Host.Partner;

/// <summary>The solution provider onboards client businesses as tenants, issues their first keys, suspends, resumes and closes them.</summary>
public static class PartnerTenantsApi
{
    public static RouteGroupBuilder MapPartnerTenantsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/partner/v1/tenants")
            .WithTags("Partner: tenants")
            .RequireAuthorization(AuthenticationSchemes.Operator);

        group.MapPost("/", CreateTenant).WithName("CreateTenant").WithSummary("Onboards a client business as a tenant.");
        group.MapGet("/", ListTenants).WithName("ListTenants")
            .WithSummary("Tenants in creation order, filtered by status or external reference, a page at a time.");
        group.MapGet("/{id}", GetTenant).WithName("GetTenant").WithSummary("A tenant's profile and status.");
        group.MapPatch("/{id}", UpdateTenant).WithName("UpdateTenant")
            .WithSummary("Changes a tenant's name, contact e-mail, country, external reference or per-key rate limit.");
        group.MapPost("/{id}/suspend", SuspendTenant).WithName("SuspendTenant")
            .WithSummary("Stops every write and send of the tenant at once (403 tenant_suspended with the reason); reads still work.");
        group.MapPost("/{id}/resume", ResumeTenant).WithName("ResumeTenant").WithSummary("Lifts a suspension.");
        group.MapPost("/{id}/close", CloseTenant).WithName("CloseTenant")
            .WithSummary("Closes a tenant for good: its data is kept, every key is revoked.");
        group.MapPost("/{id}/api-keys", CreateApiKey).WithName("CreateTenantApiKey")
            .WithSummary("Issues an API key to a tenant (scope admin unless scopes are given); the secret is in this answer only.");
        group.MapGet("/{id}/api-keys", ListApiKeys).WithName("ListTenantApiKeys")
            .WithSummary("A tenant's API keys: prefix, name, scopes, created, last used; never the secret.");
        group.MapDelete("/{id}/api-keys/{keyId}", RevokeApiKey).WithName("RevokeTenantApiKey")
            .WithSummary("Revokes one of a tenant's keys at once, for example one that leaked.");
        return group;
    }

    private static async Task<Results<Created<TenantResponse>, ValidationProblem>> CreateTenant(
        CreateTenantRequest request, IGrainFactory grains, IPublishEndpoint publisher, AuditTrail audit, TimeProvider time)
    {
        if (TenantRequests.Validate(request, creating: true, out var details) is { Count: > 0 } errors)
        {
            return Problem.Invalid(errors);
        }

        var profile = await grains.GetGrain<ITenantGrain>(PlatformIds.New("ten", time.GetUtcNow())).CreateAsync(details);
        await audit.RecordAsync(profile.Id, AuditActions.TenantCreated, profile.Id, $"name={profile.Name}");
        await publisher.Publish(new TenantCreated { TenantId = profile.Id, Name = profile.Name, CreatedAt = profile.CreatedAt });
        return TypedResults.Created($"/partner/v1/tenants/{profile.Id}", TenantResponse.From(profile));
    }

    private static async Task<Results<Ok<ListResponse<TenantResponse>>, ValidationProblem>> ListTenants(
        TenantDirectory directory, string? status, [FromQuery(Name = "external_reference")] string? externalReference, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var (size, errors) = Paging.Limit(limit);
        errors ??= [];
        if (status is not null and not (TenantStatuses.Active or TenantStatuses.Suspended or TenantStatuses.Closed))
        {
            errors["status"] = ["The status must be one of: active, suspended, closed."];
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var page = await directory.ListAsync(status, externalReference, cursor, size, cancellationToken);
        return TypedResults.Ok(new ListResponse<TenantResponse>([.. page.Items.Select(TenantResponse.From)], page.NextCursor));
    }

    private static async Task<Results<Ok<TenantResponse>, ProblemHttpResult>> GetTenant(string id, IGrainFactory grains) =>
        await grains.GetGrain<ITenantGrain>(id).GetProfileAsync() is { } profile
            ? TypedResults.Ok(TenantResponse.From(profile))
            : NoTenant(id);

    private static async Task<Results<Ok<TenantResponse>, ValidationProblem, ProblemHttpResult>> UpdateTenant(
        string id, CreateTenantRequest request, IGrainFactory grains, AuditTrail audit)
    {
        if (TenantRequests.Validate(request, creating: false, out var details) is { Count: > 0 } errors)
        {
            return Problem.Invalid(errors);
        }

        if (await grains.GetGrain<ITenantGrain>(id).UpdateAsync(details) is not { } profile)
        {
            return NoTenant(id);
        }

        await audit.RecordAsync(id, AuditActions.TenantUpdated, id, Describe(details));
        return TypedResults.Ok(TenantResponse.From(profile));
    }

    private static async Task<Results<Ok<TenantResponse>, ValidationProblem, ProblemHttpResult>> SuspendTenant(
        string id, SuspendTenantRequest request, IGrainFactory grains, AuditTrail audit)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > TenantRequests.MaxReasonLength)
        {
            return Problem.Invalid("reason", $"A reason of 1 to {TenantRequests.MaxReasonLength} characters is required; the tenant sees it.");
        }

        return await ChangeStatusAsync(id, TenantStatuses.Suspended, reason, AuditActions.TenantSuspended, grains, audit);
    }

    private static Task<Results<Ok<TenantResponse>, ValidationProblem, ProblemHttpResult>> ResumeTenant(string id, IGrainFactory grains, AuditTrail audit) =>
        ChangeStatusAsync(id, TenantStatuses.Active, null, AuditActions.TenantResumed, grains, audit);

    private static Task<Results<Ok<TenantResponse>, ValidationProblem, ProblemHttpResult>> CloseTenant(string id, IGrainFactory grains, AuditTrail audit) =>
        ChangeStatusAsync(id, TenantStatuses.Closed, null, AuditActions.TenantClosed, grains, audit);

    private static async Task<Results<Ok<TenantResponse>, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        string id, string status, string? reason, string action, IGrainFactory grains, AuditTrail audit)
    {
        var tenant = grains.GetGrain<ITenantGrain>(id);
        switch (await tenant.GetProfileAsync())
        {
            case null:
                return NoTenant(id);
            case { Status: TenantStatuses.Closed }:
                return Problem.Conflict(ErrorCodes.TenantClosed, $"Tenant {id} is closed; a closed tenant cannot change status.");
        }

        var profile = await tenant.SetStatusAsync(status, reason);
        await audit.RecordAsync(id, action, id, reason);
        return TypedResults.Ok(TenantResponse.From(profile!));
    }

    private static async Task<Results<Created<ApiKeyCreatedResponse>, ValidationProblem, ProblemHttpResult>> CreateApiKey(
        string id, CreateApiKeyRequest? request, IGrainFactory grains, ApiKeyIssuer issuer)
    {
        // The operator's first key for a tenant is its admin key: with it the tenant issues its own narrower keys.
        var effective = new CreateApiKeyRequest(request?.Name ?? "admin", request?.Scopes is { Count: > 0 } scopes ? scopes : [ApiScopes.Admin]);
        if (ApiKeyRequests.Validate(effective, out var name, out var granted) is { Count: > 0 } errors)
        {
            return Problem.Invalid(errors);
        }

        switch (await grains.GetGrain<ITenantGrain>(id).GetProfileAsync())
        {
            case null:
                return NoTenant(id);
            case { Status: TenantStatuses.Closed }:
                return Problem.Conflict(ErrorCodes.TenantClosed, $"Tenant {id} is closed; it gets no new keys.");
        }

        var (key, secret) = await issuer.IssueAsync(id, name, granted);
        return TypedResults.Created($"/partner/v1/tenants/{id}/api-keys/{key.Id}", ApiKeysApi.Created(key, secret));
    }

    private static async Task<Results<Ok<ListResponse<ApiKeyResponse>>, ProblemHttpResult>> ListApiKeys(string id, IGrainFactory grains, TimeProvider time)
    {
        var tenant = grains.GetGrain<ITenantGrain>(id);
        if (await tenant.GetProfileAsync() is null)
        {
            return NoTenant(id);
        }

        var keys = await tenant.GetApiKeysAsync();
        var lastUsed = await Task.WhenAll(keys.Select(key => grains.GetGrain<IApiKeyGrain>(key.Id).GetLastUsedAsync()));
        var now = time.GetUtcNow();
        return TypedResults.Ok(new ListResponse<ApiKeyResponse>([.. keys.Select((key, i) => ApiKeyResponse.From(key, lastUsed[i], now))], null));
    }

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> RevokeApiKey(
        string id, string keyId, IGrainFactory grains, AuditTrail audit, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await grains.GetGrain<ITenantGrain>(id).ExpireApiKeyAsync(keyId, now, null) is not { } key)
        {
            return Problem.NotFound($"Tenant '{id}' has no API key with id '{keyId}'.");
        }

        await audit.RecordAsync(id, AuditActions.ApiKeyRevoked, keyId);
        return TypedResults.Ok(ApiKeyResponse.From(key, await grains.GetGrain<IApiKeyGrain>(keyId).GetLastUsedAsync(), now));
    }

    internal static ProblemHttpResult NoTenant(string id) => Problem.NotFound($"No tenant has id '{id}'.");

    private static string Describe(TenantDetails details) => string.Join("; ", new[]
    {
        details.Name is null ? null : $"name={details.Name}",
        details.ContactEmail is null ? null : $"contact_email={details.ContactEmail}",
        details.Country is null ? null : $"country={details.Country}",
        details.ExternalReference is null ? null : $"external_reference={details.ExternalReference}",
        details.RateLimit is null ? null : $"rate_limit={details.RateLimit.PermitsPerSecond}/s burst {details.RateLimit.Burst}",
    }.Where(part => part is not null));
}
