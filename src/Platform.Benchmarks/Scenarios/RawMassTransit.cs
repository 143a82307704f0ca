using System.Diagnostics;
using MassTransit;

namespace Platform.Benchmarks.Scenarios;

/// <summary>
/// The yardstick for the RabbitMQ budget: the most a bare MassTransit bus moves over the same broker, publish → consume of a
/// message the size of a queued send, with publisher confirms, prefetch and concurrency as the platform's consumers use
/// (256), and up to 1,000 publishes outstanding. Nothing else happens per message, so every platform hop costs about one of these.
/// </summary>
internal static class RawMassTransit
{
    private const int Outstanding = 1_000;

    /// <summary>Publishes as fast as the broker confirms for <paramref name="duration"/>; answers the consumed messages per second.</summary>
    public static async Task<double> RunAsync(Uri broker, TimeSpan duration)
    {
        var consumed = 0L;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker);
            rabbit.ReceiveEndpoint("benchmark-raw", endpoint =>
            {
                endpoint.PrefetchCount = 256;
                endpoint.ConcurrentMessageLimit = 256;
                endpoint.Handler<RawBenchmarkMessage>(_ =>
                {
                    Interlocked.Increment(ref consumed);
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync();
        try
        {
            var body = new string('x', 400);
            using var outstanding = new SemaphoreSlim(Outstanding);
            var published = 0L;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < duration)
            {
                await outstanding.WaitAsync();
                var id = published++;
                _ = PublishAsync(new RawBenchmarkMessage { Id = $"raw-{id}", To = "4915100000000", Body = body });
            }

            for (var i = 0; i < Outstanding; i++)
            {
                await outstanding.WaitAsync();
            }

            while (Interlocked.Read(ref consumed) < published && clock.Elapsed < duration * 3)
            {
                await Task.Delay(10);
            }

            var rate = Interlocked.Read(ref consumed) / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"raw MassTransit baseline: {published} published, {Interlocked.Read(ref consumed)} consumed in {clock.Elapsed.TotalSeconds:F1} s: {rate:F0} messages/s");
            return rate;

            async Task PublishAsync(RawBenchmarkMessage message)
            {
                try
                {
                    await bus.Publish(message);
                }
                finally
                {
                    outstanding.Release();
                }
            }
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
