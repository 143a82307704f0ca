using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// RabbitMQ + Azurite (DESIGN.md: at least 1,000 messages/s for 5 minutes, nothing lost, sent/delivered/read flowing back
/// for each; reported as a ratio of raw MassTransit over the same broker in the same run). First the raw baseline on a
/// virtual host of its own, then the host on the services the environment names: customers write, then sends go out on a
/// fixed schedule (open loop) for the whole duration, progress is printed every 10 s from the host's counters, and at the
/// end the counters must show every accepted message sent, delivered and read, and a sample spread over all accepted
/// messages is read back from the history, each standing at <c>read</c> with sent, delivered and read recorded. (A sample,
/// because Azurite answers a point read by scanning the partition, and the benchmark's one tenant is one partition: reading
/// back 300,000 messages would take longer than sending them.)
/// </summary>
internal static class RealServicesThroughput
{
    private const string BaselineBroker = "PLATFORM_BENCHMARK_BASELINE_RABBITMQ";
    private const int HistorySample = 2_000;
    private static readonly string[] StatusCounters =
        ["platform_messages_sent_total", "platform_messages_delivered_total", "platform_messages_read_total", "platform_messages_failed_total"];

    public static async Task RunAsync(int perSecond, int seconds, int customers, int baselineSeconds)
    {
        string[] required = ["ConnectionStrings__RabbitMq", "ConnectionStrings__AzureStorage", BaselineBroker, "Secrets__Keys__k1", "Orleans__ClusterId"];
        if (required.Where(name => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))).ToList() is [_, ..] unset)
        {
            throw new InvalidOperationException($"{string.Join(", ", unset)} not set: run src/Platform.Benchmarks/run-real-services.sh real-services.");
        }

        var baseline = await RawMassTransit.RunAsync(new Uri(Environment.GetEnvironmentVariable(BaselineBroker)!), TimeSpan.FromSeconds(baselineSeconds));

        var host = await HostUnderTest.StartAsync(1024);
        var tenant = await host.OnboardAsync();
        var waIds = HostUnderTest.Customers(customers);
        await host.CustomersWriteAsync(tenant, waIds, 32);
        await host.WaitUntilRecordedAsync(tenant, waIds, TimeSpan.FromMinutes(5));
        var before = await ReadCountersAsync(host);

        var count = perSecond * seconds;
        Console.WriteLine($"real services: {count} messages at {perSecond}/s for {seconds} s to {customers} customers");
        var ids = new ConcurrentBag<string>();
        var refusals = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        using var stopProgress = new CancellationTokenSource();
        var progress = ReportProgressAsync(host, before, ids, clock, stopProgress.Token);
        var sending = await OpenLoop.RunAsync(count, perSecond, async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages")
            {
                Content = JsonContent.Create(new { from = HostUnderTest.SandboxNumber, to = waIds[i % customers], type = "text", text = new { body = $"Your order {i} has shipped and arrives tomorrow." } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
            using var response = await host.Http.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                refusals.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                return false;
            }

            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            return true;
        });
        var acceptedIn = clock.Elapsed;

        // Everything accepted must come back read; the drain gets as long again as the sending took, at least two minutes.
        var drainDeadline = acceptedIn + TimeSpan.FromSeconds(Math.Max(120, seconds));
        double[] now;
        while ((now = Delta(await ReadCountersAsync(host), before))[2] < ids.Count && clock.Elapsed < drainDeadline)
        {
            await Task.Delay(100);
        }

        var readIn = clock.Elapsed;
        await stopProgress.CancelAsync();
        await progress;

        var accepted = ids.ToArray();
        var sample = accepted.Where((_, i) => i % Math.Max(1, accepted.Length / HistorySample) == 0).ToArray();
        var (readBack, missing, notRead) = await VerifyHistoryAsync(host, tenant, sample);
        var endToEnd = now[2] / readIn.TotalSeconds;
        var refused = sending.Failures == 0 ? "none" : $"{sending.Failures} ({string.Join(", ", refusals.Select(r => $"{r.Value} × HTTP {r.Key}"))})";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accepted: {ids.Count} of {count} ({sending.AchievedPerSecond:F0}/s scheduled, {ids.Count / acceptedIn.TotalSeconds:F0}/s accepted); refused or failed: {refused}"));
        Console.WriteLine($"accept latency from due time: {sending.Latency}");
        var drained = now[2] >= ids.Count
            ? $"all read {readIn.TotalSeconds:F1} s after the first send ({(readIn - acceptedIn).TotalSeconds:F1} s after the last)"
            : $"{ids.Count - now[2]} not read when the drain deadline passed, {(readIn - acceptedIn).TotalSeconds:F0} s after the last send";
        Console.WriteLine($"counters: sent {now[0]}, delivered {now[1]}, read {now[2]}, failed {now[3]}; {drained}");
        Console.WriteLine($"history: {readBack} of {sample.Length} sampled read back at read with sent, delivered and read; {missing} missing, {notRead} not (yet) read");
        Console.WriteLine($"cost per accepted message: {now[4] / ids.Count:F1} broker deliveries, {now[5] / ids.Count:F1} table requests");
        Console.WriteLine($"accepted → read: {endToEnd:F0} messages/s over {readIn.TotalSeconds:F0} s; raw MassTransit {baseline:F0}/s; ratio {endToEnd / baseline:F2}");
        Console.WriteLine($"working set: {Environment.WorkingSet / (1024 * 1024)} MiB");
        await host.StopAsync();
    }

    /// <summary>
    /// Sent, delivered, read and failed; then what they cost: messages the host's consumers received from the broker, and
    /// requests its HTTP clients made to the table endpoint (grain state, history, indexes).
    /// </summary>
    private static async Task<double[]> ReadCountersAsync(HostUnderTest host) => await Task.WhenAll(
    [
        .. StatusCounters.Select(name => host.CounterAsync(name)),
        host.CounterAsync("messaging_masstransit_receive_ea_total"),
        host.CounterAsync("http_client_request_duration_seconds_count", $"server_port=\"{TablePort}\""),
    ]);

    private static int TablePort => new Uri(Regex.Match(Environment.GetEnvironmentVariable("ConnectionStrings__AzureStorage")!, "TableEndpoint=([^;]+)").Groups[1].Value).Port;

    private static double[] Delta(double[] now, double[] before) => [.. now.Zip(before, (a, b) => a - b)];

    /// <summary>Every 10 s: how many were accepted and how far sent, delivered and read have come, so a growing backlog shows.</summary>
    private static async Task ReportProgressAsync(HostUnderTest host, double[] before, ConcurrentBag<string> accepted, Stopwatch clock, CancellationToken stop)
    {
        try
        {
            var (lastRead, lastAt) = (0.0, clock.Elapsed);
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), stop);
                var now = Delta(await ReadCountersAsync(host), before);
                var at = clock.Elapsed;
                Console.WriteLine($"  {at.TotalSeconds,5:F0} s: accepted {accepted.Count}, sent {now[0]}, delivered {now[1]}, read {now[2]} ({(now[2] - lastRead) / (at - lastAt).TotalSeconds:F0}/s), failed {now[3]}");
                (lastRead, lastAt) = (now[2], at);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Reads the messages back from the history (one point read each) and checks their statuses.</summary>
    private static async Task<(int ReadBack, int Missing, int NotRead)> VerifyHistoryAsync(HostUnderTest host, BenchmarkTenant tenant, string[] ids)
    {
        int readBack = 0, missing = 0, notRead = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (id, token) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/messages/{id}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
            using var response = await host.Http.SendAsync(request, token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                Interlocked.Increment(ref missing);
                return;
            }

            var message = await response.Content.ReadFromJsonAsync<JsonElement>(token);
            var statuses = message.GetProperty("statuses").EnumerateArray().Select(status => status.GetProperty("status").GetString()).ToHashSet();
            var complete = message.GetProperty("status").GetString() == "read" && statuses.IsSupersetOf(["sent", "delivered", "read"]);
            Interlocked.Increment(ref complete ? ref readBack : ref notRead);
        });
        Console.WriteLine($"history read back in {clock.Elapsed.TotalSeconds:F1} s");
        return (readBack, missing, notRead);
    }
}
