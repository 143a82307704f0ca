namespace Platform.Host.PhoneNumbers;

/// <summary>The channels a number can be registered with.</summary>
public static class PhoneNumberChannels
{
    public const string Sandbox = "sandbox";

    /// <summary>Meta's Cloud API: registration checks the token against Meta before the number is ours.</summary>
    public const string CloudApi = "cloud_api";
}
