using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Platform.WhatsApp.CloudApi;

/// <summary>
/// Paces sends per business number at the number's rate (Meta's default 80 messages/s), spread over tenths of a second so
/// a burst does not hit Meta's limit at the start of each second. The pace is per process: with several silos, give each
/// a share of the number's rate.
/// </summary>
public sealed class PhoneNumberPacer : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public PhoneNumberPacer(IOptions<CloudApiOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(phoneNumberId =>
        {
            var rate = settings.NumberRates.GetValueOrDefault(phoneNumberId, settings.MessagesPerSecond);
            var perTenth = Math.Max(1, rate / 10);
            return RateLimitPartition.GetTokenBucketLimiter(phoneNumberId, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perTenth,
                TokensPerPeriod = perTenth,
                ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
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
