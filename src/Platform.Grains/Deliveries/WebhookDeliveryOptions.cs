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
    /// Waiting deliveries an endpoint keeps in its grain state (the state is written whole on every change, so it stays small).
    /// Beyond it, further deliveries wait in the pending table in arrival order and move into the state as it drains; nothing
    /// is dead-lettered for lack of room.
    /// </summary>
    public int MaxPending { get; set; } = 100;

    /// <summary>
    /// How long a consumer that was allowed to attempt a delivery holds its ordering key before the schedule assumes it died;
    /// longer than the slowest attempt (<c>Webhooks__Timeout</c>) plus a grain call.
    /// </summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long attempts stay listed under the endpoint's deliveries.</summary>
    public TimeSpan AttemptRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The most attempts listed per endpoint; older ones are trimmed.</summary>
    public int MaxAttemptsPerEndpoint { get; set; } = 10_000;

    /// <summary>How often, at most, one endpoint's attempts are trimmed (a keys-only scan of its partition).</summary>
    public TimeSpan AttemptTrimInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Retries of one endpoint that run at once (different ordering keys).</summary>
    public int RetryConcurrency { get; set; } = 8;

    /// <summary>How often every silo wakes the delivery schedules that have work, so retries resume after a restart.</summary>
    public TimeSpan WakeInterval { get; set; } = TimeSpan.FromMinutes(1);
}
