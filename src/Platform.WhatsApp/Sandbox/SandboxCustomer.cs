using System.Text.Json;
using Platform.Contracts.Inbound;

namespace Platform.WhatsApp.Sandbox;

/// <summary>Plays a customer writing to a business number: the update Meta's webhook would carry.</summary>
public static class SandboxCustomer
{
    public static WhatsAppUpdatesReceived Writes(string phoneNumberId, string from, string text, DateTimeOffset at) => new()
    {
        Source = SandboxChannel.ChannelName,
        ReceivedAt = at,
        Messages =
        [
            new CustomerMessage
            {
                PhoneNumberId = phoneNumberId,
                From = from,
                Wamid = SandboxWamids.New(),
                Type = "text",
                Content = JsonSerializer.Serialize(new { body = text }),
                Timestamp = at,
            },
        ],
    };
}
