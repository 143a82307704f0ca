using System.ComponentModel.DataAnnotations;

namespace Platform.WhatsApp.CloudApi;

/// <summary>How we reach Meta's Graph API for <c>cloud_api</c> numbers (section <c>WhatsApp</c>).</summary>
public sealed class CloudApiOptions
{
    public const string Section = "WhatsApp";

    /// <summary>Meta's Graph API; tests point it at a local fake (<c>WhatsApp__GraphApiBase</c>).</summary>
    [Required]
    public string GraphApiBase { get; set; } = "https://graph.facebook.com";

    /// <summary>The Graph API version in every path.</summary>
    [Required]
    public string GraphApiVersion { get; set; } = "v23.0";

    /// <summary>Messages per second per business number: Meta's default is 80, up to 1,000 for upgraded numbers.</summary>
    [Range(1, 1000)]
    public int MessagesPerSecond { get; set; } = 80;

    /// <summary>Per-number rates where Meta raised a number's throughput (<c>WhatsApp__NumberRates__&lt;phone_number_id&gt;</c>).</summary>
    public Dictionary<string, int> NumberRates { get; set; } = [];

    /// <summary>How long one call to Meta may take before it counts as a timeout (and is retried).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
