using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Grains.Audit;
using Platform.Grains.Routing;
using Platform.Grains.Tenants;
using Platform.Host.Audit;
using Platform.Host.Authentication;
using Platform.Host.Partner;
using Platform.Host.Problems;

namespace Platform.Host.ApiKeys;

/// <summary>A tenant manages its own API keys with a key that has the <c>admin</c> scope.</summary>
public static class ApiKeysApi
{
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxGracePeriod = TimeSpan.FromDays(7);

    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/api-keys")
            .WithTags("API keys")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.Admin, ApiScopes.Admin);

        group.MapPost("/", CreateApiKey).WithName("CreateApiKey")
            .WithSummary("Creates an API key with the given scopes; the secret is in this answer only.");
        group.MapGet("/", ListApiKeys).WithName("ListApiKeys")
            .WithSummary("The tenant's API keys: prefix, name, scopes, created, last used; never the secret.");
        group.MapDelete("/{id}", RevokeApiKey).WithName("RevokeApiKey")
            .WithSummary("Revokes an API key at once.");
        group.MapPost("/{id}/rotate", RotateApiKey).WithName("RotateApiKey")
            .WithSummary("Issues a successor with the same name and scopes; the old key keeps working for the grace period.");
        return group;
    }

    private static async Task<Results<Created<ApiKeyCreatedResponse>, ValidationProblem, ProblemHttpResult>> CreateApiKey(
        CreateApiKeyRequest request, CurrentTenant tenant, ApiKeyIssuer issuer, IGrainFactory grains, TimeProvider time)
    {
        if (ApiKeyRequests.Validate(request, out var name, out var scopes) is { Count: > 0 } errors)
        {
            return Problem.Invalid(errors);
        }

        if (await TooManyKeysAsync(grains, tenant.Id, time) is { } problem)
        {
            return problem;
        }

        var (key, secret) = await issuer.IssueAsync(tenant.Id, name, scopes);
        return TypedResults.Created($"/v1/api-keys/{key.Id}", Created(key, secret));
    }

    private static async Task<Results<Ok<ListResponse<ApiKeyResponse>>, ValidationProblem>> ListApiKeys(
        CurrentTenant tenant, IGrainFactory grains, TimeProvider time, int? limit, string? cursor)
    {
        if (Paging.Limit(limit) is (_, { } errors))
        {
            return Problem.Invalid(errors);
        }

        var keys = await grains.GetGrain<ITenantGrain>(tenant.Id).GetApiKeysAsync();
        var page = Paging.Page(keys, key => key.Id, cursor, Paging.Limit(limit).Limit, key => key);
        var now = time.GetUtcNow();
        var lastUsed = await Task.WhenAll(page.Data.Select(key => grains.GetGrain<IApiKeyGrain>(key.Id).GetLastUsedAsync()));
        return TypedResults.Ok(new ListResponse<ApiKeyResponse>(
            [.. page.Data.Select((key, i) => ApiKeyResponse.From(key, lastUsed[i], now))], page.NextCursor));
    }

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> RevokeApiKey(
        string id, CurrentTenant tenant, IGrainFactory grains, AuditTrail audit, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await grains.GetGrain<ITenantGrain>(tenant.Id).ExpireApiKeyAsync(id, now, null) is not { } key)
        {
            return Problem.NotFound($"No API key of this tenant has id '{id}'.");
        }

        await audit.RecordAsync(tenant.Id, AuditActions.ApiKeyRevoked, id);
        return TypedResults.Ok(ApiKeyResponse.From(key, await grains.GetGrain<IApiKeyGrain>(id).GetLastUsedAsync(), now));
    }

    private static async Task<Results<Created<ApiKeyCreatedResponse>, ValidationProblem, ProblemHttpResult>> RotateApiKey(
        string id, RotateApiKeyRequest? request, CurrentTenant tenant, IGrainFactory grains, ApiKeyIssuer issuer, AuditTrail audit, TimeProvider time)
    {
        var grace = request?.GracePeriodSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultGracePeriod;
        if (grace < TimeSpan.Zero || grace > MaxGracePeriod)
        {
            return Problem.Invalid("grace_period_seconds", $"The grace period must be 0 to {(int)MaxGracePeriod.TotalSeconds} seconds.");
        }

        var tenantGrain = grains.GetGrain<ITenantGrain>(tenant.Id);
        var now = time.GetUtcNow();
        var old = (await tenantGrain.GetApiKeysAsync()).FirstOrDefault(key => key.Id == id);
        if (old is null || old.ExpiresAt <= now)
        {
            return Problem.NotFound($"No working API key of this tenant has id '{id}'.");
        }

        if (await TooManyKeysAsync(grains, tenant.Id, time) is { } problem)
        {
            return problem;
        }

        var (key, secret) = await issuer.IssueAsync(tenant.Id, old.Name, old.Scopes);
        await tenantGrain.ExpireApiKeyAsync(id, now + grace, key.Id);
        await audit.RecordAsync(tenant.Id, AuditActions.ApiKeyRotated, id, $"successor={key.Id}; old key works until {now + grace:O}");
        return TypedResults.Created($"/v1/api-keys/{key.Id}", Created(key, secret));
    }

    private static async Task<ProblemHttpResult?> TooManyKeysAsync(IGrainFactory grains, string tenantId, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var working = (await grains.GetGrain<ITenantGrain>(tenantId).GetApiKeysAsync()).Count(key => key.ExpiresAt is null || key.ExpiresAt > now);
        return working >= TenantGrain.MaxApiKeys
            ? Problem.Conflict(ErrorCodes.TooManyApiKeys, $"A tenant holds at most {TenantGrain.MaxApiKeys} working keys; revoke one first.")
            : null;
    }

    internal static ApiKeyCreatedResponse Created(ApiKeySummary key, string secret) =>
        new(key.Id, secret, ApiKeyIssuer.PrefixOf(key.Id), key.Name, key.Scopes, key.CreatedAt);
}
