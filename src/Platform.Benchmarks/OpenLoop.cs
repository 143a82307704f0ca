using System.Diagnostics;

namespace Platform.Benchmarks;

/// <summary>
/// Sends on a fixed schedule, never waiting for an answer before the next request is due (no coordinated omission): request
/// <c>i</c> is due at <c>start + i / rate</c>, and its latency runs from that due time, not from when the client got round to
/// sending it, so a stalled server or a late client timer shows up in the percentiles instead of thinning the load.
/// </summary>
internal static class OpenLoop
{
    /// <summary>Runs <paramref name="count"/> requests at <paramref name="perSecond"/>; <paramref name="send"/> answers whether request i succeeded.</summary>
    public static async Task<OpenLoopResult> RunAsync(int count, double perSecond, Func<int, Task<bool>> send)
    {
        var latencies = new long[count];
        var failures = 0;
        var requests = new Task[count];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * (Stopwatch.Frequency / perSecond));
            var early = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (early > TimeSpan.FromMilliseconds(1))
            {
                // Timers are good to about a millisecond: wake for the next due request and send everything due by then.
                await Task.Delay(early);
            }

            requests[i] = SendAsync(i, due);
        }

        var scheduledFor = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(requests);
        return new OpenLoopResult(new Percentiles(latencies), count / scheduledFor.TotalSeconds, Stopwatch.GetElapsedTime(start), failures);

        async Task SendAsync(int index, long due)
        {
            // Off the scheduling loop at once: building and writing the request must not delay the next one.
            await Task.Yield();
            bool succeeded;
            try
            {
                succeeded = await send(index);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Refused connections and the client's timeout count as failures; the run goes on, as Meta's would.
                succeeded = false;
            }

            latencies[index] = Stopwatch.GetTimestamp() - due;
            if (!succeeded)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }
}
