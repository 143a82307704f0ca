namespace Platform.Grains.Deliveries;

/// <summary>The key of an endpoint's delivery grain: <c>tenant id|endpoint id</c>.</summary>
public readonly record struct WebhookDeliveryKey(string TenantId, string EndpointId)
{
    private const char Separator = '|';

    public override string ToString() => $"{TenantId}{Separator}{EndpointId}";

    public static WebhookDeliveryKey Parse(string key)
    {
        var parts = key.Split(Separator);
        return parts.Length == 2
            ? new WebhookDeliveryKey(parts[0], parts[1])
            : throw new FormatException($"'{key}' is not a delivery key (tenant|endpoint).");
    }
}
