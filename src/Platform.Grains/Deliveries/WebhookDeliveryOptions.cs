namespace Platform.Grains.Deliveries;

/// <summary>How tenant webhook deliveries are retried (section <c>Webhooks</c>, shared with the delivery settings of the host).</summary>
public sealed class WebhookDeliveryOptions
{
    /// <summary>The first retry's delay; each further retry waits about twice as long (with jitter), up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// How long a delivery is retried before it is dead-lettered, and how long an endpoint may fail every attempt before it is
    /// disabled.
    /// </summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Attempts in all for a delivery the endpoint refuses with a 4xx other than 408, 410 and 429.</summary>
    public int MaxRejectedAttempts { get; set; } = 3;

    /// <summary>
    /// Deliveries an endpoint may have waiting for a retry; beyond it new ones are dead-lettered at once (replayable), so a
    /// dead endpoint's backlog stays within one stored row.
    /// </summary>
    public int MaxPending { get; set; } = 500;

    /// <summary>Retries of one endpoint that run at once (different ordering keys).</summary>
    public int RetryConcurrency { get; set; } = 8;

    /// <summary>How often every silo wakes the delivery schedules that have work, so retries resume after a restart.</summary>
    public TimeSpan WakeInterval { get; set; } = TimeSpan.FromMinutes(1);
}
