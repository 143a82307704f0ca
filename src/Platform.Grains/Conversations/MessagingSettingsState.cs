namespace Platform.Grains.Conversations;

/// <summary>Stored messaging settings; null until the tenant changes the defaults.</summary>
[GenerateSerializer, Alias("Platform.MessagingSettingsState")]
public sealed class MessagingSettingsState
{
    [Id(0)] public MessagingSettings? Settings { get; set; }
}
