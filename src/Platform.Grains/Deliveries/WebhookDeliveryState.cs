namespace Platform.Grains.Deliveries;

/// <summary>An endpoint's retry schedule. Stored as a wire format: never renumber an [Id].</summary>
[GenerateSerializer, Alias("Platform.WebhookDeliveryState")]
public sealed class WebhookDeliveryState
{
    /// <summary>Deliveries waiting, in arrival order; within an ordering key only the first may be attempted.</summary>
    [Id(0)] public List<ScheduledDelivery> Pending { get; set; } = [];

    /// <summary>When the endpoint's current run of failures began; null while it takes deliveries.</summary>
    [Id(1)] public DateTimeOffset? FailingSince { get; set; }
}
