namespace Platform.Grains.Routing;

/// <summary>The tenant holding a business phone number.</summary>
[GenerateSerializer, Alias("Platform.PhoneNumberOwnerState")]
public sealed class PhoneNumberOwnerState
{
    [Id(0)] public string? TenantId { get; set; }
}
