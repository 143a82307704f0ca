namespace Platform.WhatsApp.Onboarding;

/// <summary>Meta's Graph API as the platform's app calls it (section <c>WhatsApp</c>).</summary>
public sealed class GraphApiOptions
{
    public const string Section = "WhatsApp";

    /// <summary>Meta's Graph URL without the version (<c>WhatsApp__GraphApiBase</c>); tests point it at a local fake.</summary>
    public Uri GraphApiBase { get; set; } = new("https://graph.facebook.com");

    /// <summary>The Graph API version in every path (<c>WhatsApp__GraphApiVersion</c>).</summary>
    public string GraphApiVersion { get; set; } = "v23.0";

    /// <summary>The platform's Meta app id (<c>WhatsApp__AppId</c>), for the Embedded Signup code exchange.</summary>
    public string? AppId { get; set; }

    /// <summary>The platform's Meta app secret (<c>WhatsApp__AppSecret</c>), for the Embedded Signup code exchange.</summary>
    public string? AppSecret { get; set; }
}
