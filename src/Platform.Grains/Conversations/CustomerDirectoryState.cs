namespace Platform.Grains.Conversations;

/// <summary>The wa_id Meta uses for a customer whose number has several forms.</summary>
[GenerateSerializer, Alias("Platform.CustomerDirectoryState")]
public sealed class CustomerDirectoryState
{
    [Id(0)] public string? WaId { get; set; }
}
