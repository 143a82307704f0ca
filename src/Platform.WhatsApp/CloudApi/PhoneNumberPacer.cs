using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Platform.WhatsApp.CloudApi;

/// <summary>
/// Paces sends per business number at the number's rate (Meta's default 80 messages/s), spread over tenths of a second so
/// a burst does not hit Meta's limit at the start of each second. Each process paces at its share of the rate
/// (<see cref="IClusterShare"/>): conversations, and so a number's sends, spread evenly over the silos. When the number of
/// silos changes, the next send starts a bucket at the new share.
/// </summary>
public sealed class PhoneNumberPacer : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public PhoneNumberPacer(IOptions<CloudApiOptions> options, IClusterShare share)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(phoneNumberId =>
        {
            var senders = Math.Max(1, share.Senders);
            var rate = settings.NumberRates.GetValueOrDefault(phoneNumberId, settings.MessagesPerSecond) / (double)senders;
            // A tenth of a second's worth per refill; a share below 10/s refills one token as often as the share allows.
            var perRefill = Math.Max(1, (int)(rate / 10));
            return RateLimitPartition.GetTokenBucketLimiter($"{phoneNumberId}|{senders}", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perRefill,
                TokensPerPeriod = perRefill,
                ReplenishmentPeriod = TimeSpan.FromSeconds(perRefill / rate),
                QueueLimit = 100_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        });
    }

    /// <summary>Waits for the number's next slot; false when none came (the send should be retried later).</summary>
    public async Task<bool> WaitAsync(string phoneNumberId, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(phoneNumberId, 1, cancellationToken);
        return lease.IsAcquired;
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}
