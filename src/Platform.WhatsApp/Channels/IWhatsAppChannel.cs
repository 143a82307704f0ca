namespace Platform.WhatsApp.Channels;

/// <summary>Carries messages to WhatsApp for the phone numbers that chose it (<c>sandbox</c> or <c>cloud_api</c>).</summary>
public interface IWhatsAppChannel
{
    /// <summary>The channel's name as tenants choose it per phone number.</summary>
    string Name { get; }

    /// <summary>Hands the message over; the answer is Meta's message id, or why the message can never be sent.</summary>
    Task<ChannelSendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken);
}
