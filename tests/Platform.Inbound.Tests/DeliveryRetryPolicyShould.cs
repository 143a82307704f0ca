using Platform.Grains.Deliveries;

namespace Platform.Inbound.Tests;

/// <summary>The retry decision alone, without a silo: what each answer means and how the waits grow.</summary>
public sealed class DeliveryRetryPolicyShould
{
    private static readonly WebhookDeliveryOptions Options = new()
    {
        RetryBaseDelay = TimeSpan.FromSeconds(10),
        MaxRetryDelay = TimeSpan.FromHours(4),
        RetryFor = TimeSpan.FromDays(3),
        MaxRejectedAttempts = 3,
    };

    private static readonly DateTimeOffset First = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(200, "delivered")]
    [InlineData(204, "delivered")]
    [InlineData(410, "gone")]
    [InlineData(408, "failed")]
    [InlineData(429, "failed")]
    [InlineData(500, "failed")]
    [InlineData(503, "failed")]
    [InlineData(400, "rejected")]
    [InlineData(401, "rejected")]
    [InlineData(404, "rejected")]
    [InlineData(301, "failed")]
    [InlineData(null, "failed")]
    public void ClassifyEachAnswer(int? status, string outcome) => Assert.Equal(outcome, DeliveryOutcomes.FromStatus(status));

    [Theory]
    [InlineData(1, 0.0, 5)]
    [InlineData(1, 1.0, 10)]
    [InlineData(2, 1.0, 20)]
    [InlineData(5, 1.0, 160)]
    [InlineData(5, 0.5, 120)]
    [InlineData(30, 1.0, 14_400)]
    public void DoubleTheWaitWithJitterUpToTheCap(int attempts, double jitter, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), DeliveryRetryPolicy.Delay(Options, attempts, jitter));

    [Fact]
    public void RetryAFailureUntilTheWindowEnds()
    {
        Assert.Equal(First + TimeSpan.FromSeconds(10), DeliveryRetryPolicy.NextAttempt(Options, DeliveryOutcomes.Failed, 1, First, First, 1.0));
        var late = First + TimeSpan.FromDays(3) - TimeSpan.FromHours(1);
        Assert.Null(DeliveryRetryPolicy.NextAttempt(Options, DeliveryOutcomes.Failed, 20, First, late, 1.0));
    }

    [Fact]
    public void GiveUpOnARefusalAfterTheConfiguredAttempts()
    {
        Assert.NotNull(DeliveryRetryPolicy.NextAttempt(Options, DeliveryOutcomes.Rejected, 2, First, First, 0.5));
        Assert.Null(DeliveryRetryPolicy.NextAttempt(Options, DeliveryOutcomes.Rejected, 3, First, First, 0.5));
    }

    [Theory]
    [InlineData("delivered")]
    [InlineData("gone")]
    [InlineData("skipped")]
    public void NeverRetryWhatIsDoneOrGone(string outcome) =>
        Assert.Null(DeliveryRetryPolicy.NextAttempt(Options, outcome, 1, First, First, 0.5));
}
