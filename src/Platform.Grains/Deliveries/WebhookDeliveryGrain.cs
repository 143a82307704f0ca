using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Platform.Grains.Storage;
using Platform.Grains.Webhooks;
using Platform.ServiceDefaults;

namespace Platform.Grains.Deliveries;

/// <summary>
/// One endpoint's retry schedule, and the one place in the cluster (the grain has one activation) that decides which delivery
/// may be attempted. The delivery consumer, on any silo, asks first: a delivery whose ordering key has nothing in flight or
/// waiting is admitted, and the consumer holds that key's lease until it reports the outcome, so a later event of the same
/// conversation can never overtake it, whichever process consumes it. A healthy endpoint costs no state write. Failed
/// deliveries wait in grain state (at most <see cref="WebhookDeliveryOptions.MaxPending"/>; the rest in the pending table,
/// in arrival order) and retry on an in-memory timer; an index row lets every silo wake this grain after a restart.
/// Reentrant, so a slow retry never holds up the consumers' calls.
/// </summary>
[Reentrant]
public sealed partial class WebhookDeliveryGrain(
    [PersistentState("webhook-deliveries", GrainStorage.Platform)] IPersistentState<WebhookDeliveryState> state,
    IWebhookSender sender,
    IDeadLetterStore deadLetters,
    IPendingDeliveryIndex index,
    IDeliveryAttemptStore attempts,
    IOptions<WebhookDeliveryOptions> options,
    PlatformMetrics metrics,
    TimeProvider time,
    ILogger<WebhookDeliveryGrain> logger) : Grain, IWebhookDeliveryGrain, IDisposable
{
    private const int MaxLeases = 4096;

    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly Dictionary<string, DeliveryLease> _leases = [];
    private DeliveryAttempt? _last;
    private IGrainTimer? _timer;
    private bool _indexed;
    private bool _pumping;
    private bool _refilling;
    private bool _windowRanOut;
    private int _spilled;
    private int _spilling;
    private long _lastSequence;
    private long _spillChanges;

    private WebhookDeliveryOptions Options => options.Value;

    private WebhookDeliveryKey Key => WebhookDeliveryKey.Parse(this.GetPrimaryKeyString());

    private List<ScheduledDelivery> Pending => state.State.Pending;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _spilled = await index.CountSpilledAsync(Key);
        _indexed = Pending.Count > 0 || _spilled > 0;
        Schedule();
    }

    public async Task<bool> AdmitAsync(WebhookDelivery delivery)
    {
        var key = OrderKey(delivery);
        var now = time.GetUtcNow();
        if (_leases.Count > MaxLeases)
        {
            // Leases of consumers that died and whose key never came up again.
            foreach (var expired in _leases.Where(lease => lease.Value.ExpiresAt <= now).Select(lease => lease.Key).ToList())
            {
                _leases.Remove(expired);
            }
        }

        if (_leases.TryGetValue(key, out var lease) && lease.DeliveryId == delivery.DeliveryId)
        {
            // The broker redelivered the message of a consumer that died holding the lease.
            _leases[key] = lease with { ExpiresAt = now + Options.LeaseTimeout };
            return true;
        }

        if (state.State.FailingSince is null && _spilled == 0 && !Leased(key, now) && !Waits(key)
            && !Pending.Exists(item => item.Delivery.DeliveryId == delivery.DeliveryId))
        {
            _leases[key] = new DeliveryLease(delivery.DeliveryId, now + Options.LeaseTimeout);
            return true;
        }

        await QueueAsync(delivery, now);
        return false;
    }

    public Task EnqueueAsync(WebhookDelivery delivery) =>
        QueueAsync(delivery, time.GetUtcNow(), front: Release(delivery));

    public async Task ReportAsync(WebhookDelivery delivery, DeliveryAttempt attempt)
    {
        Remember(attempt);
        var held = Release(delivery);
        switch (attempt.Outcome)
        {
            case DeliveryOutcomes.Delivered:
                if (state.State.FailingSince is not null)
                {
                    state.State.FailingSince = null;
                    await SaveAsync();
                }

                Schedule();
                break;
            case DeliveryOutcomes.Skipped:
                Schedule();
                break;
            case DeliveryOutcomes.Gone:
                await GoneAsync(attempt, [new ScheduledDelivery(delivery, 1, attempt.At, attempt.At, attempt.StatusCode)]);
                break;
            default:
                var next = DeliveryRetryPolicy.NextAttempt(Options, attempt.Outcome, 1, attempt.At, time.GetUtcNow(), Random.Shared.NextDouble());
                state.State.FailingSince ??= attempt.At;
                if (next is { } at)
                {
                    await QueueAsync(delivery, at, new ScheduledDelivery(delivery, 1, attempt.At, at, attempt.StatusCode), front: held);
                }
                else
                {
                    await DeadLetterAsync(new ScheduledDelivery(delivery, 1, attempt.At, attempt.At, attempt.StatusCode), Refusal(attempt));
                    await SaveAsync();
                    Schedule();
                }

                break;
        }
    }

    public Task<DeliveryOverview> GetBacklogAsync() =>
        Task.FromResult(new DeliveryOverview(Pending.Count + _spilled, state.State.FailingSince));

    public async Task WakeAsync()
    {
        if (_spilling == 0 && !_refilling && Pending.Count <= Options.MaxPending / 2)
        {
            // The count of spilled deliveries is kept in memory; recounting once a minute, while the state has room, makes
            // sure no row is left behind whatever happened to that count (unless a spill or refill changed it meanwhile).
            var changes = _spillChanges;
            var counted = await index.CountSpilledAsync(Key);
            if (changes == _spillChanges && _spilling == 0 && !_refilling)
            {
                _spilled = counted;
            }
        }

        if (Pending.Count == 0 && _spilled == 0 && _spilling == 0)
        {
            // A row left behind by a crash between the last state write and the index update.
            await index.ClearAsync(Key);
            _indexed = false;
            return;
        }

        Schedule();
    }

    private static string OrderKey(WebhookDelivery delivery) => delivery.OrderingKey ?? delivery.DeliveryId;

    private bool Waits(string key) => Pending.Exists(item => OrderKey(item.Delivery) == key);

    private bool Leased(string key, DateTimeOffset now)
    {
        if (!_leases.TryGetValue(key, out var lease))
        {
            return false;
        }

        if (lease.ExpiresAt > now)
        {
            return true;
        }

        _leases.Remove(key);
        return false;
    }

    // True when this delivery held its key's lease: it is then older than anything of its key that waits here.
    private bool Release(WebhookDelivery delivery)
    {
        var key = OrderKey(delivery);
        if (_leases.TryGetValue(key, out var lease) && lease.DeliveryId == delivery.DeliveryId)
        {
            _leases.Remove(key);
            return true;
        }

        return false;
    }

    private async Task QueueAsync(WebhookDelivery delivery, DateTimeOffset due, ScheduledDelivery? scheduled = null, bool front = false)
    {
        if (Pending.Exists(item => item.Delivery.DeliveryId == delivery.DeliveryId))
        {
            return;
        }

        scheduled ??= new ScheduledDelivery(delivery, 0, null, due, null);
        if (front)
        {
            // Ahead of the later deliveries of its key that arrived while it was in flight; may pass MaxPending by the
            // deliveries in flight, never by more.
            var key = OrderKey(delivery);
            var position = Pending.FindIndex(item => OrderKey(item.Delivery) == key);
            Pending.Insert(position < 0 ? Pending.Count : position, scheduled);
        }
        else if (_spilled > 0 || Pending.Count >= Options.MaxPending)
        {
            await SpillAsync(scheduled);
            return;
        }
        else
        {
            Pending.Add(scheduled);
        }

        await SaveAsync();
        Schedule();
    }

    // The sequence is taken before the first await, so spilled deliveries keep their arrival order however the writes finish.
    private async Task SpillAsync(ScheduledDelivery item)
    {
        var sequence = NextSequence();
        _spilled++;
        _spillChanges++;
        _spilling++;
        try
        {
            await EnsureIndexedAsync();
            await index.SpillAsync(Key, new SpilledDelivery(sequence, item));
        }
        catch
        {
            _spilled--;
            throw;
        }
        finally
        {
            _spilling--;
        }
    }

    private string NextSequence()
    {
        _lastSequence = Math.Max(_lastSequence + 1, time.GetUtcNow().UtcTicks);
        return _lastSequence.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
    }

    // Moves spilled deliveries into the state once it has drained to half, oldest first; never while a spill is being written,
    // since a later sequence could then be read before an earlier one. A crash between the state write and the delete
    // leaves rows that are skipped as duplicates when still waiting, or delivered again (same delivery id) when already done.
    private async Task RefillAsync()
    {
        if (_spilled == 0 || _spilling > 0 || _refilling || Pending.Count > Options.MaxPending / 2)
        {
            return;
        }

        _refilling = true;
        _spillChanges++;
        try
        {
            var rows = await index.PeekSpilledAsync(Key, Options.MaxPending - Pending.Count);
            if (rows.Count == 0)
            {
                _spilled = _spilling;
                await SaveAsync();
                return;
            }

            foreach (var row in rows.Where(row => !Pending.Exists(item => item.Delivery.DeliveryId == row.Item.Delivery.DeliveryId)))
            {
                Pending.Add(row.Item);
            }

            await SaveAsync();
            await index.RemoveSpilledAsync(Key, [.. rows.Select(row => row.Sequence)]);
            _spilled = Math.Max(_spilled - rows.Count, _spilling);
        }
        finally
        {
            _refilling = false;
        }
    }

    private void Schedule()
    {
        if (_pumping)
        {
            // The running pass reschedules when it ends; disposing its timer now would cancel it midway.
            return;
        }

        var now = time.GetUtcNow();
        var heads = Heads(now).ToList();
        _timer?.Dispose();
        _timer = null;
        DateTimeOffset? due = heads.Count > 0 ? heads.Min(item => item.NextAttemptAt) : null;
        if (_spilled > 0 && Pending.Count <= Options.MaxPending / 2)
        {
            due = now;
        }

        // A lease that runs out frees the deliveries waiting behind it.
        foreach (var lease in _leases.Where(lease => Waits(lease.Key)))
        {
            due = due is { } at && at < lease.Value.ExpiresAt ? at : lease.Value.ExpiresAt;
        }

        if (due is not { } next)
        {
            return;
        }

        var wait = next - now;
        _timer = this.RegisterGrainTimer(PumpAsync, new GrainTimerCreationOptions
        {
            DueTime = wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
            Interleave = true,
            KeepAlive = true,
        });
    }

    // The first waiting delivery of each ordering key (every delivery without a key is its own head), unless a delivery of
    // that key is in flight (here or at a consumer holding its lease).
    private IEnumerable<ScheduledDelivery> Heads(DateTimeOffset now)
    {
        var seen = new HashSet<string>();
        foreach (var item in Pending)
        {
            var key = OrderKey(item.Delivery);
            if (seen.Add(key) && !Leased(key, now))
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
                await RefillAsync();
                var now = time.GetUtcNow();
                var due = Heads(now).Where(item => item.NextAttemptAt <= now).Take(Options.RetryConcurrency).ToList();
                if (due.Count == 0)
                {
                    break;
                }

                foreach (var item in due)
                {
                    _leases[OrderKey(item.Delivery)] = new DeliveryLease(item.Delivery.DeliveryId, DateTimeOffset.MaxValue);
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
        catch (Exception exception)
        {
            // Storage failed mid-pass: what was applied in memory is saved by the next pass, which the timer starts again.
            LogPumpFailed(Key.EndpointId, exception);
        }
        finally
        {
            _pumping = false;
            Schedule();
        }
    }

    private async Task<(ScheduledDelivery Item, DeliveryAttempt Attempt)> AttemptAsync(ScheduledDelivery item)
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
        finally
        {
            Release(item.Delivery);
        }

        Remember(attempt);
        return (item, attempt);
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
        while (_spilled > 0)
        {
            var rows = await index.PeekSpilledAsync(Key, 100);
            if (rows.Count == 0)
            {
                _spilled = _spilling;
                break;
            }

            foreach (var row in rows)
            {
                await DeadLetterAsync(row.Item, reason);
            }

            await index.RemoveSpilledAsync(Key, [.. rows.Select(row => row.Sequence)]);
            _spilled = Math.Max(_spilled - rows.Count, _spilling);
        }
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

    // The index row goes in before the first waiting delivery is stored (in state or spilled) and out after the last one
    // left, under one lock, so a waiting delivery always has its row.
    private async Task SaveAsync()
    {
        await _write.WaitAsync();
        try
        {
            var waiting = Pending.Count > 0 || _spilled > 0;
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

    private async Task EnsureIndexedAsync()
    {
        await _write.WaitAsync();
        try
        {
            if (!_indexed)
            {
                await index.MarkAsync(Key);
                _indexed = true;
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
        _last = attempt;
        attempts.Record(Key, attempt);
    }

    private string LastAnswer() => _last is { } last
        ? last.StatusCode is { } status ? $"HTTP {status}" : last.Error ?? "no answer"
        : "unknown";

    private static string Refusal(DeliveryAttempt attempt) => attempt.Outcome == DeliveryOutcomes.Rejected
        ? $"The endpoint refused the delivery with HTTP {attempt.StatusCode}."
        : $"Retries ran out; last answer: {(attempt.StatusCode is { } status ? $"HTTP {status}" : attempt.Error ?? "none")}.";

    [LoggerMessage(LogLevel.Error, "Delivery {DeliveryId} could not be attempted; it is retried with backoff")]
    private partial void LogAttemptFailed(string deliveryId, Exception exception);

    [LoggerMessage(LogLevel.Warning, "A retry pass of webhook endpoint {EndpointId} failed; the next pass goes on from there")]
    private partial void LogPumpFailed(string endpointId, Exception exception);

    [LoggerMessage(LogLevel.Warning, "Webhook endpoint {EndpointId} was disabled: {Reason}")]
    private partial void LogDisabled(string endpointId, string reason);
}
