namespace Platform.Host.Partner;

/// <summary>A tenant's own per-key rate limit: <c>burst</c> requests at once, refilled at <c>permits_per_second</c>.</summary>
public sealed record RateLimitRequest(int? PermitsPerSecond, int? Burst);
