namespace Platform.Grains.Routing;

/// <summary>
/// Routes Meta's account-level webhooks (template status updates): which tenant holds a WhatsApp Business Account. Key:
/// Meta's WABA id.
/// </summary>
[Alias("Platform.WabaOwnerGrain")]
public interface IWabaOwnerGrain : IGrainWithStringKey
{
    /// <summary>Claims the account for the tenant: true when it was free or already this tenant's.</summary>
    [Alias("ClaimAsync")]
    Task<bool> ClaimAsync(string tenantId);

    /// <summary>The tenant holding the account, or null.</summary>
    [Alias("GetOwnerAsync")]
    Task<string?> GetOwnerAsync();
}
