using System.Security.Cryptography;

namespace Platform.WhatsApp.Sandbox;

/// <summary>Message ids in the shape Meta gives them (<c>wamid.</c> and base64), so tenants' code sees what production sends.</summary>
public static class SandboxWamids
{
    public static string New() => "wamid." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
}
