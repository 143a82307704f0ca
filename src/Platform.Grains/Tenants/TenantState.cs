namespace Platform.Grains.Tenants;

/// <summary>A tenant's stored state. Stored as a wire format: never renumber an [Id].</summary>
[GenerateSerializer, Alias("Platform.TenantState")]
public sealed class TenantState
{
    [Id(0)] public TenantProfile? Profile { get; set; }
    [Id(1)] public List<ApiKeySummary> ApiKeys { get; set; } = [];
    [Id(2)] public List<PhoneNumber> PhoneNumbers { get; set; } = [];
    [Id(3)] public List<WebhookEndpoint> WebhookEndpoints { get; set; } = [];
    [Id(4)] public List<TemplateReference> Templates { get; set; } = [];
}
