namespace Platform.Host.MetaWebhooks;

/// <summary>Meta's webhook settings (section <c>WhatsApp</c>): <c>WhatsApp__AppSecret</c> and <c>WhatsApp__VerifyToken</c>.</summary>
public sealed class MetaWebhookOptions
{
    public const string Section = "WhatsApp";

    /// <summary>The Meta app's secret: Meta signs every webhook POST with it. Unset, every POST is refused with 401.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The token typed into Meta's webhook settings; the GET handshake must present it. Unset, the handshake fails.</summary>
    public string? VerifyToken { get; set; }
}
