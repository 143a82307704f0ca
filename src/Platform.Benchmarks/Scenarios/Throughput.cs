using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// Accepted → sent (DESIGN.md: at least 5,000 messages/s embedded, sandbox channel). Sends go through the public HTTP API
/// with many in flight (closed loop: the question is the most the platform takes), and "sent" is read off the host's own
/// counter on /metrics, so the measurement adds no per-message polling.
/// </summary>
internal static class Throughput
{
    public static async Task RunAsync(int messages, int customers, int concurrency)
    {
        var host = await HostUnderTest.StartAsync(concurrency * 2);
        var tenant = await host.OnboardAsync();
        var waIds = HostUnderTest.Customers(customers);
        await host.CustomersWriteAsync(tenant, waIds, concurrency);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var sentBefore = await host.CounterAsync("platform_messages_sent_total");
        var clock = Stopwatch.StartNew();
        var refused = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, messages), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, token) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages")
            {
                Content = JsonContent.Create(new { from = HostUnderTest.SandboxNumber, to = waIds[i % customers], type = "text", text = new { body = $"Message {i}" } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
            using var response = await host.Http.SendAsync(request, token);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                Interlocked.Increment(ref refused);
            }
        });
        var acceptedIn = clock.Elapsed;
        double sent;
        while ((sent = await host.CounterAsync("platform_messages_sent_total") - sentBefore) < messages - refused && clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(50);
        }

        var sentIn = clock.Elapsed;
        Console.WriteLine($"throughput, {HostUnderTest.Mode}: messages={messages} customers={customers} concurrency={concurrency} refused={refused}");
        Console.WriteLine($"accepted: {(messages - refused) / acceptedIn.TotalSeconds:F0}/s ({acceptedIn.TotalSeconds:F2} s)");
        Console.WriteLine($"sent:     {sent / sentIn.TotalSeconds:F0}/s ({sent} in {sentIn.TotalSeconds:F2} s, accepted → sent)");
        Console.WriteLine($"working set: {Environment.WorkingSet / (1024 * 1024)} MiB");
    }
}
