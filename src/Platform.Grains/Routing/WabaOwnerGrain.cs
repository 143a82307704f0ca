using Platform.Grains.Storage;

namespace Platform.Grains.Routing;

/// <summary>Holds which tenant a WhatsApp Business Account belongs to; the first tenant to claim it keeps it.</summary>
public sealed class WabaOwnerGrain(
    [PersistentState("waba", GrainStorage.Platform)] IPersistentState<WabaOwnerState> state) : Grain, IWabaOwnerGrain
{
    public async Task<bool> ClaimAsync(string tenantId)
    {
        if (state.State.TenantId is { } owner)
        {
            return owner == tenantId;
        }

        state.State.TenantId = tenantId;
        await state.WriteStateAsync();
        return true;
    }

    public Task<string?> GetOwnerAsync() => Task.FromResult(state.State.TenantId);
}
