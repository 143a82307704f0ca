namespace Platform.Benchmarks;

/// <summary>
/// What an <see cref="OpenLoop"/> run measured: latencies from each request's due time, the rate the requests actually went
/// out at, the time until the last answer, and how many requests failed.
/// </summary>
internal sealed record OpenLoopResult(Percentiles Latency, double AchievedPerSecond, TimeSpan Elapsed, int Failures);
