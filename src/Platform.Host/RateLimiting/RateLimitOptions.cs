using System.ComponentModel.DataAnnotations;

namespace Platform.Host.RateLimiting;

/// <summary>
/// Per-key rate limit of the portal API (section <c>RateLimiting</c>): a token bucket of <see cref="Burst"/> requests that
/// refills <see cref="PermitsPerSecond"/> a second. Defaults leave room for the platform's own throughput targets.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    [Range(1, 1_000_000)]
    public int PermitsPerSecond { get; set; } = 10_000;

    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 20_000;
}
