using Platform.Grains.Storage;

namespace Platform.Grains.Conversations;

/// <summary>A tenant's messaging settings; the defaults until the tenant changes them.</summary>
public sealed class MessagingSettingsGrain(
    [PersistentState("messaging-settings", GrainStorage.Platform)] IPersistentState<MessagingSettingsState> state) : Grain, IMessagingSettingsGrain
{
    public Task<MessagingSettings> GetAsync() => Task.FromResult(state.State.Settings ?? MessagingSettings.Default);

    public async Task SetAsync(MessagingSettings settings)
    {
        state.State.Settings = settings;
        await state.WriteStateAsync();
    }
}
