namespace Platform.WhatsApp.CloudApi;

/// <summary>The share when nothing says otherwise: this process sends alone.</summary>
public sealed class SingleProcessShare : IClusterShare
{
    public int Senders => 1;
}
