using Platform.Grains.Tenants;
using Platform.Host.RateLimiting;

namespace Platform.Host.Billing;

/// <summary>
/// The per-key limit a tenant's keys have, and where it comes from: <c>tenant</c> (the operator's own limit for this
/// tenant, which wins), <c>plan</c> (its price plan's) or <c>platform</c> (<c>RateLimiting__*</c>).
/// </summary>
public sealed record TenantRateLimitResponse(int PermitsPerSecond, int Burst, string Source)
{
    public static TenantRateLimitResponse From(TenantProfile profile, RateLimitOptions defaults) =>
        profile.RateLimit is { } own ? new(own.PermitsPerSecond, own.Burst, "tenant")
        : profile.PlanRateLimit is { } plan ? new(plan.PermitsPerSecond, plan.Burst, "plan")
        : new(defaults.PermitsPerSecond, defaults.Burst, "platform");
}
