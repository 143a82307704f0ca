namespace Platform.Host.Billing;

/// <summary>A plan's per-key rate limit: <c>permits_per_second</c> refill and <c>burst</c> size of each key's token bucket.</summary>
public sealed record PlanRateLimitRequest(int? PermitsPerSecond, int? Burst);
