using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Grains.Identifiers;
using Platform.Grains.Tenants;
using Platform.Host.Authentication;
using Platform.Host.Problems;
using Platform.Host.Security;

namespace Platform.Host.Webhooks;

/// <summary>URLs that receive a tenant's events, each with its own signing secret.</summary>
public static class WebhookEndpointsApi
{
    public static RouteGroupBuilder MapWebhookEndpointsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/webhook-endpoints")
            .WithTags("Webhook endpoints")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.WebhooksWrite, ApiScopes.WebhooksWrite);

        group.MapPost("/", CreateEndpoint).WithName("CreateWebhookEndpoint")
            .WithSummary("Adds a URL that receives the tenant's events; the signing secret is in this answer only.");
        return group;
    }

    private static async Task<Results<Created<WebhookEndpointCreatedResponse>, ValidationProblem>> CreateEndpoint(
        CreateWebhookEndpointRequest request,
        CurrentTenant tenant,
        IGrainFactory grains,
        SecretProtector protector,
        IOptions<WebhookOptions> options,
        TimeProvider time)
    {
        if (WebhookUrlPolicy.Check(request.Url, options.Value.AllowPrivateTargets == true) is { } error)
        {
            return Problem.Invalid("url", error);
        }

        var now = time.GetUtcNow();
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var endpoint = new WebhookEndpoint(PlatformIds.New("whe", now), request.Url!, protector.Protect(secret), now);
        await grains.GetGrain<ITenantGrain>(tenant.Id).AddWebhookEndpointAsync(endpoint);
        return TypedResults.Created(
            $"/v1/webhook-endpoints/{endpoint.Id}",
            new WebhookEndpointCreatedResponse(endpoint.Id, endpoint.Url, secret, endpoint.CreatedAt));
    }
}
