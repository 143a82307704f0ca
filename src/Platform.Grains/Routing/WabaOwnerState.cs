namespace Platform.Grains.Routing;

/// <summary>The tenant holding a WhatsApp Business Account.</summary>
[GenerateSerializer, Alias("Platform.WabaOwnerState")]
public sealed class WabaOwnerState
{
    [Id(0)] public string? TenantId { get; set; }
}
