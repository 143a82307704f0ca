namespace Platform.Grains.Conversations;

/// <summary>A tenant's messaging settings (keywords, replies, first-message opt-in). Key: tenant id.</summary>
[Alias("Platform.MessagingSettingsGrain")]
public interface IMessagingSettingsGrain : IGrainWithStringKey
{
    /// <summary>The settings, or the defaults when the tenant never changed them.</summary>
    [Alias("GetAsync")]
    Task<MessagingSettings> GetAsync();

    /// <summary>Replaces the settings.</summary>
    [Alias("SetAsync")]
    Task SetAsync(MessagingSettings settings);
}
