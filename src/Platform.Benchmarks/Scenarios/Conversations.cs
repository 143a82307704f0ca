using System.Diagnostics;
using Platform.Grains.Conversations;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// Active conversations per silo (DESIGN.md: 100,000 in at most 1 GiB). That many distinct customers write to the sandbox
/// number through signed Meta webhooks (a hundred changes a POST by default, as Meta batches them); once every
/// conversation has recorded its customer's message, a full compacting collection shows what the process keeps with all of
/// them active. Then the silo collects every activation idle for a few seconds (as it would after its collection age) and the
/// memory is taken again.
/// </summary>
internal static class Conversations
{
    private const int PostsInFlight = 8;
    private static readonly TimeSpan IdleFor = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(int conversations, int perPost)
    {
        var host = await HostUnderTest.StartAsync(PostsInFlight * 2);
        var tenant = await host.OnboardAsync();
        var before = MemorySnapshot.Take();
        var (activationsBefore, _) = await host.ActivationsAsync(nameof(ConversationGrain));
        Console.WriteLine($"conversations, {HostUnderTest.Mode}: {conversations} customers, {perPost} per POST");
        Console.WriteLine($"before: {activationsBefore} activations; {before}");

        var waIds = HostUnderTest.Customers(conversations);
        var posts = waIds.Chunk(perPost)
            .Select(chunk => SignedWebhook.Of(MetaPayloads.CustomerMessages(chunk.Select(waId => (waId, $"wamid.BENCH{Guid.NewGuid():N}"))), chunk.Length))
            .ToArray();
        var clock = Stopwatch.StartNew();
        var refused = 0;
        await Parallel.ForEachAsync(posts, new ParallelOptions { MaxDegreeOfParallelism = PostsInFlight }, async (post, _) =>
        {
            if (!await post.PostAsync(host.Http))
            {
                Interlocked.Increment(ref refused);
            }
        });
        var postedIn = clock.Elapsed;
        await host.WaitUntilRecordedAsync(tenant, waIds, TimeSpan.FromMinutes(15));
        var recordedIn = clock.Elapsed;
        Console.WriteLine($"posted in {postedIn.TotalSeconds:F1} s ({refused} POSTs not answered 200); every conversation recorded its message after {recordedIn.TotalSeconds:F1} s ({conversations / recordedIn.TotalSeconds:F0} conversations/s)");

        var active = MemorySnapshot.Take();
        var (total, ofConversations) = await host.ActivationsAsync(nameof(ConversationGrain));
        Console.WriteLine($"active: {ofConversations} conversation activations ({total} in all); {active}");
        Console.WriteLine($"per conversation: {(active.WorkingSet - before.WorkingSet) / (double)conversations / 1024:F1} KiB working set, {(active.GcHeap - before.GcHeap) / (double)conversations / 1024:F1} KiB GC heap");

        await Task.Delay(IdleFor);
        await host.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(IdleFor / 2);
        var idle = MemorySnapshot.Take();
        (total, ofConversations) = await host.ActivationsAsync(nameof(ConversationGrain));
        Console.WriteLine($"after idle deactivation: {ofConversations} conversation activations ({total} in all); {idle}");
        Console.WriteLine($"the activations themselves: {(active.GcHeap - idle.GcHeap) / (double)(conversations - ofConversations) / 1024:F1} KiB GC heap each (what their deactivation freed)");
    }
}
