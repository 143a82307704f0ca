using System.Diagnostics;
using System.Globalization;
using Platform.Grains.Conversations;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// Meta webhook ingress (DESIGN.md: at 1,000 updates/s, p50 at most 50 ms and p99 at most 250 ms). Signed POSTs to
/// <c>/webhooks/whatsapp</c> go out on a fixed schedule whether or not earlier ones were answered; each latency runs from
/// the request's due time to its answer. The mix is Meta's everyday traffic: most POSTs carry one change with one customer
/// message or one status, one in twenty is a batch of 2 to 20 statuses. Statuses name messages the platform really sent,
/// so each one takes the full path (wamid lookup, history read); the customers' messages open or extend conversations.
/// </summary>
internal static class Ingress
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(int updatesPerSecond, int seconds, int customers)
    {
        var host = await HostUnderTest.StartAsync(1024);
        var tenant = await host.OnboardAsync();
        var waIds = HostUnderTest.Customers(customers);
        var sent = await SendOutboundAsync(host, tenant, waIds[..Math.Min(customers, 500)]);

        var random = new Random(42);
        var warmUp = Schedule(random, waIds, sent, (int)(updatesPerSecond * WarmUp.TotalSeconds));
        var measured = Schedule(random, waIds, sent, updatesPerSecond * seconds);
        var updates = measured.Sum(webhook => webhook.Updates);
        var perSecond = measured.Count / (double)seconds;
        Console.WriteLine($"ingress, {HostUnderTest.Mode}: {updates} updates in {measured.Count} POSTs over {seconds} s ({perSecond:F0} POSTs/s), {customers} customers, {WarmUp.TotalSeconds:F0} s warm-up first");

        await OpenLoop.RunAsync(warmUp.Count, warmUp.Count / WarmUp.TotalSeconds, i => warmUp[i].PostAsync(host.Http));
        var result = await OpenLoop.RunAsync(measured.Count, perSecond, i => measured[i].PostAsync(host.Http));
        var drained = await DrainedAfterAsync(host, tenant);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"achieved: {updates / (measured.Count / result.AchievedPerSecond):F0} updates/s ({result.AchievedPerSecond:F0} POSTs/s), {result.Failures} not answered 200"));
        Console.WriteLine($"latency from due time: {result.Latency}");
        Console.WriteLine($"inbound backlog drained {drained.TotalSeconds:F1} s after the last answer (a last customer message reached its conversation)");
        Console.WriteLine($"working set: {Environment.WorkingSet / (1024 * 1024)} MiB");
    }

    /// <summary>Sends one message to each of <paramref name="waIds"/> (after each writes, so the window is open) and returns (wamid, customer) once the sandbox named them.</summary>
    private static async Task<List<(string Wamid, string WaId)>> SendOutboundAsync(HostUnderTest host, BenchmarkTenant tenant, string[] waIds)
    {
        await host.CustomersWriteAsync(tenant, waIds, 32);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var ids = new string[waIds.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, waIds.Length), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            ids[i] = (await host.PostAsync(tenant.Key, "/v1/messages", new { from = HostUnderTest.SandboxNumber, to = waIds[i], type = "text", text = new { body = "Your order has shipped." } }))
                .GetProperty("id").GetString()!);

        var deadline = Stopwatch.StartNew();
        var sent = new List<(string Wamid, string WaId)>();
        while (sent.Count < ids.Length && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(500);
            sent.Clear();
            for (var i = 0; i < ids.Length; i++)
            {
                if ((await host.GetAsync(tenant.Key, $"/v1/messages/{ids[i]}")).TryGetProperty("wamid", out var wamid))
                {
                    sent.Add((wamid.GetString()!, waIds[i]));
                }
            }
        }

        return sent.Count == ids.Length ? sent : throw new TimeoutException($"Only {sent.Count} of {ids.Length} messages were sent within 2 minutes.");
    }

    /// <summary>POSTs adding up to <paramref name="updates"/> updates in Meta's everyday mix, signed ahead of time.</summary>
    private static List<SignedWebhook> Schedule(Random random, string[] waIds, List<(string Wamid, string WaId)> sent, int updates)
    {
        string[] statuses = ["sent", "delivered", "read"];
        SignedWebhook CustomerMessage() => SignedWebhook.Of(MetaPayloads.CustomerMessages([(waIds[random.Next(waIds.Length)], NewWamid())]), 1);
        SignedWebhook Statuses(int count) => SignedWebhook.Of(MetaPayloads.Statuses([.. Enumerable.Range(0, count).Select(_ =>
        {
            var (wamid, waId) = sent[random.Next(sent.Count)];
            return (wamid, waId, statuses[random.Next(statuses.Length)]);
        })]), count);

        var webhooks = new List<SignedWebhook>();
        for (var total = 0; total < updates;)
        {
            var webhook = random.Next(100) switch
            {
                < 75 => CustomerMessage(),
                < 95 => Statuses(1),
                _ => Statuses(random.Next(2, 21)),
            };
            webhooks.Add(webhook);
            total += webhook.Updates;
        }

        return webhooks;
    }

    /// <summary>How long after the run a new customer's message takes to reach its conversation: the time to work off the queue.</summary>
    private static async Task<TimeSpan> DrainedAfterAsync(HostUnderTest host, BenchmarkTenant tenant)
    {
        var clock = Stopwatch.StartNew();
        const string Sentinel = "4915199999999";
        await SignedWebhook.Of(MetaPayloads.CustomerMessages([(Sentinel, NewWamid())]), 1).PostAsync(host.Http);
        var conversation = host.Grains.GetGrain<IConversationGrain>(new ConversationKey(tenant.Id, HostUnderTest.SandboxNumber, Sentinel).ToString());
        while ((await conversation.GetSummaryAsync()).LastCustomerMessageAt is null)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("The inbound backlog did not drain within 5 minutes.");
            }

            await Task.Delay(50);
        }

        return clock.Elapsed;
    }

    private static string NewWamid() => $"wamid.BENCH{Guid.NewGuid():N}";
}
