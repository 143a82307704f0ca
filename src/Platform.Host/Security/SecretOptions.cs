namespace Platform.Host.Security;

/// <summary>
/// Keys that encrypt secrets at rest (section <c>Secrets</c>): <c>Secrets__Keys__&lt;id&gt;</c> = base64 of 32 random bytes,
/// and <c>Secrets__ActiveKeyId</c> names the one that encrypts. Older keys stay listed so what they encrypted still
/// decrypts while keys rotate.
/// </summary>
public sealed class SecretOptions
{
    public const string Section = "Secrets";

    public Dictionary<string, string> Keys { get; set; } = [];

    public string? ActiveKeyId { get; set; }
}
