namespace Platform.Grains.Deliveries;

/// <summary>
/// Decides what follows an attempt: done, retry at a time (exponential backoff with jitter), or give up. Pure, so it is
/// tested without a silo.
/// </summary>
public static class DeliveryRetryPolicy
{
    /// <summary>The next attempt's time, or null when the delivery must be dead-lettered.</summary>
    public static DateTimeOffset? NextAttempt(
        WebhookDeliveryOptions options, string outcome, int attempts, DateTimeOffset firstAttemptAt, DateTimeOffset now, double jitter)
    {
        if (outcome is DeliveryOutcomes.Delivered or DeliveryOutcomes.Gone or DeliveryOutcomes.Skipped)
        {
            return null;
        }

        if (outcome == DeliveryOutcomes.Rejected && attempts >= options.MaxRejectedAttempts)
        {
            return null;
        }

        var next = now + Delay(options, attempts, jitter);
        return next - firstAttemptAt <= options.RetryFor ? next : null;
    }

    /// <summary>
    /// The wait after attempt number <paramref name="attempts"/>: base × 2^(attempts−1), capped, then scaled into [50 %, 100 %]
    /// by <paramref name="jitter"/> (0..1) so endpoints that failed together do not retry together.
    /// </summary>
    public static TimeSpan Delay(WebhookDeliveryOptions options, int attempts, double jitter)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var raw = Math.Min(options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(raw * (0.5 + (Math.Clamp(jitter, 0, 1) / 2)));
    }
}
