using System.Diagnostics;
using System.Globalization;

namespace Platform.Benchmarks;

/// <summary>
/// Latency percentiles the way HdrHistogram reports them, without the package: every recorded duration kept as
/// <see cref="Stopwatch"/> ticks, sorted once, read at the rank of each quantile (nearest rank, so p99 is a latency that at
/// least 1 % of the requests met or exceeded).
/// </summary>
internal sealed class Percentiles
{
    private readonly long[] _sorted;

    public Percentiles(IEnumerable<long> stopwatchTicks)
    {
        _sorted = [.. stopwatchTicks];
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public TimeSpan At(double quantile) => _sorted.Length == 0
        ? TimeSpan.Zero
        : Stopwatch.GetElapsedTime(0, _sorted[Math.Clamp((int)Math.Ceiling(quantile * _sorted.Length) - 1, 0, _sorted.Length - 1)]);

    public TimeSpan Max => _sorted.Length == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(0, _sorted[^1]);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Ms(At(0.50))} ms, p90 {Ms(At(0.90))} ms, p99 {Ms(At(0.99))} ms, p99.9 {Ms(At(0.999))} ms, max {Ms(Max)} ms (n = {Count})");

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString(value.TotalMilliseconds < 10 ? "F2" : "F0", CultureInfo.InvariantCulture);
}
