namespace Platform.Grains.Routing;

/// <summary>
/// Routes inbound traffic: which tenant holds a business phone number. Key: Meta's phone-number id, which is unique
/// across the platform because every webhook from Meta is routed by it.
/// </summary>
[Alias("Platform.PhoneNumberOwnerGrain")]
public interface IPhoneNumberOwnerGrain : IGrainWithStringKey
{
    /// <summary>Claims the number for the tenant: true when it was free or already this tenant's, false when another tenant holds it.</summary>
    [Alias("ClaimAsync")]
    Task<bool> ClaimAsync(string tenantId);

    /// <summary>The tenant holding the number, or null.</summary>
    [Alias("GetOwnerAsync")]
    Task<string?> GetOwnerAsync();
}
