namespace Platform.Grains.Privacy;

/// <summary>Per tenant with a retention period: the period and how far the sweep got.</summary>
[GenerateSerializer, Alias("Platform.MessageRetentionState")]
public sealed class MessageRetentionState
{
    [Id(0)]
    public Dictionary<string, RetentionSweep> Tenants { get; set; } = new(StringComparer.Ordinal);
}
