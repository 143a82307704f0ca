using Platform.Grains.Storage;

namespace Platform.Grains.Conversations;

/// <summary>The wa_id Meta uses for one customer whose number has several forms; written only when it changes.</summary>
public sealed class CustomerDirectoryGrain(
    [PersistentState("customer-directory", GrainStorage.Platform)] IPersistentState<CustomerDirectoryState> state) : Grain, ICustomerDirectoryGrain
{
    public Task<string?> GetAsync() => Task.FromResult(state.State.WaId);

    public async Task RecordAsync(string waId)
    {
        if (state.State.WaId != waId)
        {
            state.State.WaId = waId;
            await state.WriteStateAsync();
        }
    }

    public Task EraseAsync() => state.ClearStateAsync();
}
