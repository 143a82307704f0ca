using System.Diagnostics;
using Microsoft.Extensions.Options;
using Platform.Grains.Conversations;
using Platform.WhatsApp.CloudApi;

namespace Platform.Messaging.Tests.Units;

public class PacingShould
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Let_a_burst_to_one_customer_through_then_one_message_per_interval()
    {
        var pace = new CustomerPace(new ConversationOptions { CustomerBurst = 3, CustomerInterval = TimeSpan.FromSeconds(6) }, Now);

        Assert.Null(pace.TryTake(Now));
        Assert.Null(pace.TryTake(Now));
        Assert.Null(pace.TryTake(Now));
        Assert.Equal(TimeSpan.FromSeconds(6), pace.TryTake(Now));
        Assert.Equal(TimeSpan.FromSeconds(3), pace.TryTake(Now.AddSeconds(3)));
        Assert.Null(pace.TryTake(Now.AddSeconds(6)));
    }

    [Fact]
    public async Task Hold_a_number_to_its_rate_per_second()
    {
        var options = Options.Create(new CloudApiOptions { MessagesPerSecond = 80, NumberRates = { ["slow"] = 20 } });
        await using var pacer = new PhoneNumberPacer(options, new SingleProcessShare());
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 30; i++)
        {
            Assert.True(await pacer.WaitAsync("slow", CancellationToken.None));
        }

        // 20 per second, spread over tenths: the first two go at once, the other 28 need 14 refills of 100 ms.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.3), $"30 sends at 20/s took only {clock.Elapsed}.");
    }

    [Fact]
    public async Task Hold_each_of_several_silos_to_its_share_of_the_numbers_rate()
    {
        var options = Options.Create(new CloudApiOptions { NumberRates = { ["shared"] = 20 } });
        await using var pacer = new PhoneNumberPacer(options, new FourSilos());
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 11; i++)
        {
            Assert.True(await pacer.WaitAsync("shared", CancellationToken.None));
        }

        // A quarter of 20/s is 5/s: one token every 200 ms, so the ten after the first need two seconds.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.8), $"11 sends at 5/s took only {clock.Elapsed}.");
    }

    private sealed class FourSilos : IClusterShare
    {
        public int Senders => 4;
    }
}
