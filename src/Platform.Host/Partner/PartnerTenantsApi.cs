using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Tenants;
using Platform.Grains.Identifiers;
using Platform.Grains.Routing;
using Platform.Grains.Tenants;
using Platform.Host.Authentication;
using Platform.Host.Problems;
using Platform.Host.Security;

namespace Platform.Host.Partner;

/// <summary>The solution provider onboards client businesses as tenants and issues their first keys.</summary>
public static class PartnerTenantsApi
{
    public const int MaxNameLength = 200;

    public static RouteGroupBuilder MapPartnerTenantsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/partner/v1/tenants")
            .WithTags("Partner: tenants")
            .RequireAuthorization(AuthenticationSchemes.Operator);

        group.MapPost("/", CreateTenant).WithName("CreateTenant").WithSummary("Onboards a client business as a tenant.");
        group.MapGet("/{id}", GetTenant).WithName("GetTenant").WithSummary("A tenant's profile.");
        group.MapPost("/{id}/api-keys", CreateApiKey).WithName("CreateTenantApiKey")
            .WithSummary("Issues an API key to a tenant; the secret is in this answer only.");
        return group;
    }

    private static async Task<Results<Created<TenantResponse>, ValidationProblem>> CreateTenant(
        CreateTenantRequest request, IGrainFactory grains, IPublishEndpoint publisher, TimeProvider time)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return Problem.Invalid("name", $"A name of 1 to {MaxNameLength} characters is required.");
        }

        var profile = await grains.GetGrain<ITenantGrain>(PlatformIds.New("ten", time.GetUtcNow())).CreateAsync(name);
        await publisher.Publish(new TenantCreated { TenantId = profile.Id, Name = profile.Name, CreatedAt = profile.CreatedAt });
        return TypedResults.Created($"/partner/v1/tenants/{profile.Id}", TenantResponse.From(profile));
    }

    private static async Task<Results<Ok<TenantResponse>, ProblemHttpResult>> GetTenant(string id, IGrainFactory grains) =>
        await grains.GetGrain<ITenantGrain>(id).GetProfileAsync() is { } profile
            ? TypedResults.Ok(TenantResponse.From(profile))
            : Problem.NotFound($"No tenant has id '{id}'.");

    private static async Task<Results<Created<ApiKeyCreatedResponse>, ProblemHttpResult>> CreateApiKey(
        string id, IGrainFactory grains, TimeProvider time)
    {
        var tenant = grains.GetGrain<ITenantGrain>(id);
        if (await tenant.GetProfileAsync() is null)
        {
            return Problem.NotFound($"No tenant has id '{id}'.");
        }

        var now = time.GetUtcNow();
        var (keyId, secret) = ApiKeyFormat.Issue(now);
        await grains.GetGrain<IApiKeyGrain>(keyId).IssueAsync(id, ApiKeyFormat.Hash(secret));
        await tenant.RecordApiKeyAsync(new ApiKeySummary(keyId, now));
        return TypedResults.Created($"/partner/v1/tenants/{id}/api-keys/{keyId}", new ApiKeyCreatedResponse(keyId, secret, now));
    }
}
