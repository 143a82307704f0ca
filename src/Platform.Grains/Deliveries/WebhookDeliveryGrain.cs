using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Platform.Grains.Storage;
using Platform.Grains.Webhooks;
using Platform.ServiceDefaults;

namespace Platform.Grains.Deliveries;

/// <summary>
/// One endpoint's retry schedule. The delivery consumer attempts first-time deliveries itself and comes here only when one
/// fails, when an earlier delivery of the same ordering key still waits, or when the endpoint is failing: so a healthy
/// endpoint costs no state write. Retries run on an in-memory timer; the deliveries are grain state and an index row lets
/// every silo wake this grain after a restart. Reentrant, so a slow retry never holds up the consumer's calls.
/// </summary>
[Reentrant]
public sealed partial class WebhookDeliveryGrain(
    [PersistentState("webhook-deliveries", GrainStorage.Platform)] IPersistentState<WebhookDeliveryState> state,
    IWebhookSender sender,
    IDeadLetterStore deadLetters,
    IPendingDeliveryIndex index,
    IOptions<WebhookDeliveryOptions> options,
    PlatformMetrics metrics,
    TimeProvider time,
    ILogger<WebhookDeliveryGrain> logger) : Grain, IWebhookDeliveryGrain, IDisposable
{
    private const int RecentLimit = 50;

    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly LinkedList<DeliveryAttempt> _recent = new();
    private readonly HashSet<string> _inFlight = [];
    private IGrainTimer? _timer;
    private bool _indexed;
    private bool _pumping;
    private bool _windowRanOut;

    private WebhookDeliveryOptions Options => options.Value;

    private WebhookDeliveryKey Key => WebhookDeliveryKey.Parse(this.GetPrimaryKeyString());

    private List<ScheduledDelivery> Pending => state.State.Pending;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _indexed = Pending.Count > 0;
        Schedule();
        return Task.CompletedTask;
    }

    public async Task<bool> AdmitAsync(WebhookDelivery delivery)
    {
        if (state.State.FailingSince is null && !Waits(delivery.OrderingKey))
        {
            return true;
        }

        await QueueAsync(delivery, time.GetUtcNow());
        return false;
    }

    public Task EnqueueAsync(WebhookDelivery delivery) => QueueAsync(delivery, time.GetUtcNow());

    public async Task ReportAsync(WebhookDelivery delivery, DeliveryAttempt attempt)
    {
        Remember(attempt);
        switch (attempt.Outcome)
        {
            case DeliveryOutcomes.Delivered:
                if (state.State.FailingSince is not null)
                {
                    state.State.FailingSince = null;
                    await SaveAsync();
                    Schedule();
                }

                break;
            case DeliveryOutcomes.Skipped:
                break;
            case DeliveryOutcomes.Gone:
                await GoneAsync(attempt, [new ScheduledDelivery(delivery, 1, attempt.At, attempt.At, attempt.StatusCode)]);
                break;
            default:
                var next = DeliveryRetryPolicy.NextAttempt(Options, attempt.Outcome, 1, attempt.At, time.GetUtcNow(), Random.Shared.NextDouble());
                state.State.FailingSince ??= attempt.At;
                if (next is { } at)
                {
                    await QueueAsync(delivery, at, new ScheduledDelivery(delivery, 1, attempt.At, at, attempt.StatusCode));
                }
                else
                {
                    await DeadLetterAsync(new ScheduledDelivery(delivery, 1, attempt.At, attempt.At, attempt.StatusCode), Refusal(attempt));
                    await SaveAsync();
                }

                break;
        }
    }

    public Task<DeliveryOverview> GetRecentAsync() =>
        Task.FromResult(new DeliveryOverview(_recent.ToList(), Pending.Count, state.State.FailingSince));

    public async Task WakeAsync()
    {
        if (Pending.Count == 0)
        {
            // A row left behind by a crash between the last state write and the index update.
            await index.ClearAsync(Key);
            _indexed = false;
            return;
        }

        Schedule();
    }

    private bool Waits(string? orderingKey) =>
        orderingKey is not null && Pending.Exists(item => item.Delivery.OrderingKey == orderingKey);

    private async Task QueueAsync(WebhookDelivery delivery, DateTimeOffset due, ScheduledDelivery? scheduled = null)
    {
        if (Pending.Exists(item => item.Delivery.DeliveryId == delivery.DeliveryId))
        {
            return;
        }

        scheduled ??= new ScheduledDelivery(delivery, 0, null, due, null);
        if (Pending.Count >= Options.MaxPending)
        {
            await DeadLetterAsync(scheduled, $"The endpoint already had {Options.MaxPending} deliveries waiting for a retry.");
            return;
        }

        Pending.Add(scheduled);
        await SaveAsync();
        Schedule();
    }

    private void Schedule()
    {
        if (_pumping)
        {
            // The running pass reschedules when it ends; disposing its timer now would cancel it midway.
            return;
        }

        var heads = Heads().ToList();
        _timer?.Dispose();
        _timer = null;
        if (heads.Count == 0)
        {
            return;
        }

        var wait = heads.Min(item => item.NextAttemptAt) - time.GetUtcNow();
        _timer = this.RegisterGrainTimer(PumpAsync, new GrainTimerCreationOptions
        {
            DueTime = wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
            Interleave = true,
            KeepAlive = true,
        });
    }

    // The first waiting delivery of each ordering key (every delivery without a key is its own head), not being attempted now.
    private IEnumerable<ScheduledDelivery> Heads()
    {
        var seen = new HashSet<string>();
        foreach (var item in Pending)
        {
            var key = item.Delivery.OrderingKey ?? item.Delivery.DeliveryId;
            if (seen.Add(key) && !_inFlight.Contains(key))
            {
                yield return item;
            }
        }
    }

    private async Task PumpAsync()
    {
        if (_pumping)
        {
            return;
        }

        _pumping = true;
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                var due = Heads().Where(item => item.NextAttemptAt <= now).Take(Options.RetryConcurrency).ToList();
                if (due.Count == 0)
                {
                    break;
                }

                var results = await Task.WhenAll(due.Select(AttemptAsync));
                foreach (var (item, attempt) in results)
                {
                    await ApplyAsync(item, attempt);
                }

                await DisableWhenFailedTooLongAsync();
                await SaveAsync();
            }
        }
        finally
        {
            _pumping = false;
            Schedule();
        }
    }

    private async Task<(ScheduledDelivery Item, DeliveryAttempt Attempt)> AttemptAsync(ScheduledDelivery item)
    {
        var key = item.Delivery.OrderingKey ?? item.Delivery.DeliveryId;
        _inFlight.Add(key);
        try
        {
            DeliveryAttempt attempt;
            try
            {
                // Not the timer's token: an attempt runs to its own timeout even while the silo deactivates the grain.
                attempt = await sender.SendAsync(item.Delivery, item.Attempts + 1, CancellationToken.None);
            }
            catch (Exception exception)
            {
                // The platform failed, not the endpoint (a grain or storage call): back off like any failed attempt rather
                // than retry at once in a loop.
                LogAttemptFailed(item.Delivery.DeliveryId, exception);
                attempt = new DeliveryAttempt(
                    item.Delivery.DeliveryId, item.Delivery.EventId, item.Delivery.Type, item.Attempts + 1, time.GetUtcNow(), null, 0,
                    DeliveryOutcomes.Failed, "The platform could not make the attempt.");
            }

            Remember(attempt);
            return (item, attempt);
        }
        finally
        {
            _inFlight.Remove(key);
        }
    }

    private async Task ApplyAsync(ScheduledDelivery item, DeliveryAttempt attempt)
    {
        var position = Pending.FindIndex(waiting => waiting.Delivery.DeliveryId == item.Delivery.DeliveryId);
        if (position < 0)
        {
            return;
        }

        switch (attempt.Outcome)
        {
            case DeliveryOutcomes.Delivered:
                Pending.RemoveAt(position);
                state.State.FailingSince = null;
                break;
            case DeliveryOutcomes.Gone:
                await GoneAsync(attempt, []);
                break;
            case DeliveryOutcomes.Skipped:
                await DeadLetterAllAsync("The endpoint was disabled or deleted before the delivery.");
                break;
            default:
                var attempts = item.Attempts + 1;
                var first = item.FirstAttemptAt ?? attempt.At;
                state.State.FailingSince ??= attempt.At;
                var updated = item with { Attempts = attempts, FirstAttemptAt = first, LastStatusCode = attempt.StatusCode };
                if (DeliveryRetryPolicy.NextAttempt(Options, attempt.Outcome, attempts, first, time.GetUtcNow(), Random.Shared.NextDouble()) is { } next)
                {
                    Pending[position] = updated with { NextAttemptAt = next };
                }
                else
                {
                    Pending.RemoveAt(position);
                    await DeadLetterAsync(updated, Refusal(attempt));
                    _windowRanOut |= attempt.Outcome == DeliveryOutcomes.Failed;
                }

                break;
        }
    }

    private async Task DisableWhenFailedTooLongAsync()
    {
        // A delivery that failed for its whole window means the endpoint did too (its run of failures began no later).
        if (state.State.FailingSince is { } since && (_windowRanOut || time.GetUtcNow() - since >= Options.RetryFor))
        {
            _windowRanOut = false;
            var reason = $"Every delivery failed since {since:u} ({Options.RetryFor.TotalHours:0.#} hours); last answer: {LastAnswer()}.";
            await GrainFactory.GetGrain<IWebhookEndpointsGrain>(Key.TenantId).DisableAsync(Key.EndpointId, reason, time.GetUtcNow());
            LogDisabled(Key.EndpointId, reason);
            await DeadLetterAllAsync("The endpoint was disabled after failing for the whole retry window.");
        }
    }

    private async Task GoneAsync(DeliveryAttempt attempt, IReadOnlyList<ScheduledDelivery> alsoDeadLetter)
    {
        var reason = "The endpoint answered 410 Gone.";
        await GrainFactory.GetGrain<IWebhookEndpointsGrain>(Key.TenantId).DisableAsync(Key.EndpointId, reason, attempt.At);
        LogDisabled(Key.EndpointId, reason);
        foreach (var item in alsoDeadLetter)
        {
            await DeadLetterAsync(item, reason);
        }

        await DeadLetterAllAsync(reason);
        await SaveAsync();
    }

    private async Task DeadLetterAllAsync(string reason)
    {
        foreach (var item in Pending.ToList())
        {
            await DeadLetterAsync(item, reason);
        }

        Pending.Clear();
        state.State.FailingSince = null;
    }

    private Task DeadLetterAsync(ScheduledDelivery item, string reason)
    {
        metrics.TenantWebhookFailed("dead_lettered");
        return deadLetters.AddAsync(new DeadLetter
        {
            Partition = item.Delivery.TenantId,
            Id = item.Delivery.DeliveryId,
            Kind = DeadLetterPartitions.DeliveryKind,
            Reason = reason,
            CreatedAt = time.GetUtcNow(),
            EndpointId = item.Delivery.EndpointId,
            Type = item.Delivery.Type,
            EventId = item.Delivery.EventId,
            OrderingKey = item.Delivery.OrderingKey,
            Attempts = item.Attempts,
            LastStatusCode = item.LastStatusCode,
            Body = item.Delivery.Body,
        });
    }

    // The index row goes in before the first waiting delivery is stored and out after the last one left, under one lock,
    // so a waiting delivery always has its row.
    private async Task SaveAsync()
    {
        await _write.WaitAsync();
        try
        {
            var waiting = Pending.Count > 0;
            if (waiting && !_indexed)
            {
                await index.MarkAsync(Key);
                _indexed = true;
            }

            await state.WriteStateAsync();
            if (!waiting && _indexed)
            {
                await index.ClearAsync(Key);
                _indexed = false;
            }
        }
        finally
        {
            _write.Release();
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _write.Dispose();
    }

    private void Remember(DeliveryAttempt attempt)
    {
        _recent.AddFirst(attempt);
        if (_recent.Count > RecentLimit)
        {
            _recent.RemoveLast();
        }
    }

    private string LastAnswer() => _recent.First?.Value is { } last
        ? last.StatusCode is { } status ? $"HTTP {status}" : last.Error ?? "no answer"
        : "unknown";

    private static string Refusal(DeliveryAttempt attempt) => attempt.Outcome == DeliveryOutcomes.Rejected
        ? $"The endpoint refused the delivery with HTTP {attempt.StatusCode}."
        : $"Retries ran out; last answer: {(attempt.StatusCode is { } status ? $"HTTP {status}" : attempt.Error ?? "none")}.";

    [LoggerMessage(LogLevel.Error, "Delivery {DeliveryId} could not be attempted; it is retried with backoff")]
    private partial void LogAttemptFailed(string deliveryId, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Webhook endpoint {EndpointId} was disabled: {Reason}")]
    private partial void LogDisabled(string endpointId, string reason);
}
