using Microsoft.AspNetCore.Authorization;
using Platform.Grains.Tenants;
using Platform.Host.Problems;

namespace Platform.Host.Authentication;

/// <summary>
/// The one place that decides what a valid tenant key may do, for every portal route: the route's scope (403
/// <c>insufficient_scope</c>), and no write while the tenant is suspended (403 <c>tenant_suspended</c> with the operator's
/// reason; reads still work so the tenant can see why). It runs for every authorization check and leaves the operator's
/// requests alone.
/// </summary>
internal sealed class TenantAccessHandler(IGrainFactory grains) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (context.Resource is not HttpContext http || context.User.FindFirst(PlatformClaims.TenantId)?.Value is not { } tenantId)
        {
            return;
        }

        var read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        var required = http.GetEndpoint()?.Metadata.GetMetadata<RequiredScopes>() ?? DefaultScopes.For(http.Request.Path);
        if ((read ? required.Read : required.Write) is { } scope && !HasScope(context, scope))
        {
            context.Fail(new TenantAccessFailure(
                this,
                ErrorCodes.InsufficientScope,
                $"This key lacks the '{scope}' scope this request needs.",
                new Dictionary<string, object?> { ["required_scope"] = scope }));
            return;
        }

        if (!read && await grains.GetGrain<ITenantGrain>(tenantId).GetProfileAsync() is { Status: not TenantStatuses.Active } profile)
        {
            context.Fail(new TenantAccessFailure(
                this,
                ErrorCodes.TenantSuspended,
                $"The account is {profile.Status}{(profile.StatusReason is { } reason ? $": {reason}" : "")}. Reads still work; contact your provider.",
                new Dictionary<string, object?> { ["reason"] = profile.StatusReason }));
        }
    }

    private static bool HasScope(AuthorizationHandlerContext context, string scope) =>
        context.User.HasClaim(PlatformClaims.Scope, scope) || context.User.HasClaim(PlatformClaims.Scope, ApiScopes.Admin);
}
