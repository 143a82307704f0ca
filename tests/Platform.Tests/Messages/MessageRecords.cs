using Platform.Grains.Messages;

namespace Platform.Tests.Messages;

/// <summary>Message records for tests, with only what a test cares about to set.</summary>
internal static class MessageRecords
{
    public static readonly DateTimeOffset Created = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static MessageRecord Outbound(string id = "msg_01") => new()
    {
        TenantId = "ten_01",
        Id = id,
        Direction = MessageRecord.Outbound,
        PhoneNumberId = "1234567890",
        CustomerWaId = "491512345678",
        Type = "text",
        Content = """{"body":"hi"}""",
        Wamid = "wamid.OUT",
        CreatedAt = Created,
        Statuses = [new MessageStatusEntry(MessageStatuses.Accepted, Created)],
    };

    public static MessageRecord Inbound(string id = "msg_02", string content = """{"body":"hi"}""") => new()
    {
        TenantId = "ten_01",
        Id = id,
        Direction = MessageRecord.Inbound,
        PhoneNumberId = "1234567890",
        CustomerWaId = "491512345678",
        Type = "text",
        Content = content,
        Wamid = "wamid.IN",
        CreatedAt = Created,
        Statuses = [new MessageStatusEntry(MessageStatuses.Received, Created)],
    };
}
