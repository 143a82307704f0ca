namespace Platform.Grains.Webhooks;

/// <summary>A tenant's stored webhook endpoints. Stored as a wire format: never renumber an [Id].</summary>
[GenerateSerializer, Alias("Platform.WebhookEndpointsState")]
public sealed class WebhookEndpointsState
{
    [Id(0)] public List<WebhookEndpointDefinition> Endpoints { get; set; } = [];
}
