namespace Platform.Grains.Tenants;

/// <summary>The states a business phone number can be in.</summary>
public static class PhoneNumberStatuses
{
    /// <summary>Traffic flows.</summary>
    public const string Connected = "connected";
}
