namespace Platform.WhatsApp.CloudApi;

/// <summary>
/// How many processes share a business number's rate: each paces its sends at its share, so a number's total stays within
/// Meta's limit however many silos send for it.
/// </summary>
public interface IClusterShare
{
    /// <summary>The processes now sending (at least 1).</summary>
    int Senders { get; }
}
