using Platform.Grains.Storage;

namespace Platform.Grains.Privacy;

/// <summary>
/// Keeps the retention periods and sweep progress; the lease lives in memory, since losing it with the activation only lets
/// the next sweeper take over sooner.
/// </summary>
public sealed class MessageRetentionGrain(
    [PersistentState("message-retention", GrainStorage.Platform)] IPersistentState<MessageRetentionState> state,
    TimeProvider time) : Grain, IMessageRetentionGrain
{
    private string? _leaseHolder;
    private DateTimeOffset _leaseUntil;

    public Task<int?> GetAsync(string tenantId) =>
        Task.FromResult(state.State.Tenants.TryGetValue(tenantId, out var sweep) ? sweep.Days : (int?)null);

    public async Task SetAsync(string tenantId, int? days)
    {
        var tenants = state.State.Tenants;
        if (days is not { } period)
        {
            if (tenants.Remove(tenantId))
            {
                await state.WriteStateAsync();
            }

            return;
        }

        var current = tenants.GetValueOrDefault(tenantId);
        if (current?.Days != period)
        {
            // Progress stays: bodies already removed are gone whatever the new period says.
            tenants[tenantId] = new RetentionSweep(tenantId, period, current?.SweptUntil);
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<RetentionSweep>> ClaimAsync(string sweeper, TimeSpan lease)
    {
        var now = time.GetUtcNow();
        if (_leaseHolder is not null && _leaseHolder != sweeper && _leaseUntil > now)
        {
            return Task.FromResult<IReadOnlyList<RetentionSweep>>([]);
        }

        _leaseHolder = sweeper;
        _leaseUntil = now + lease;
        return Task.FromResult<IReadOnlyList<RetentionSweep>>([.. state.State.Tenants.Values]);
    }

    public async Task CompleteAsync(string tenantId, DateTimeOffset sweptUntil)
    {
        if (state.State.Tenants.TryGetValue(tenantId, out var sweep) && (sweep.SweptUntil is not { } done || done < sweptUntil))
        {
            state.State.Tenants[tenantId] = sweep with { SweptUntil = sweptUntil };
            await state.WriteStateAsync();
        }
    }
}
