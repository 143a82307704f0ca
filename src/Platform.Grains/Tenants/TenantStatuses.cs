namespace Platform.Grains.Tenants;

/// <summary>The states a tenant can be in.</summary>
public static class TenantStatuses
{
    public const string Active = "active";
}
