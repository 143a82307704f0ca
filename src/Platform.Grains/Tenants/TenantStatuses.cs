namespace Platform.Grains.Tenants;

/// <summary>The states a tenant can be in.</summary>
public static class TenantStatuses
{
    public const string Active = "active";

    /// <summary>Reads work; every write and send is refused with the operator's reason.</summary>
    public const string Suspended = "suspended";

    /// <summary>Data kept, every key revoked; final.</summary>
    public const string Closed = "closed";
}
