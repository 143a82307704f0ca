namespace Platform.Billing.Plans;

/// <summary>
/// A plan's per-key rate limit: a token bucket of <see cref="Burst"/> requests refilled at <see cref="PermitsPerSecond"/>.
/// Assigning the plan gives it to the tenant's keys unless the operator set the tenant's own limit, which wins.
/// </summary>
public sealed record PlanRateLimit(int PermitsPerSecond, int Burst);
