using System.Text.Json;
using Platform.Grains.Conversations;
using Platform.Grains.Messages;
using Platform.Grains.TenantEvents;
using Platform.Tests.Messages;

namespace Platform.Tests.TenantEvents;

public class TenantEventFactoryShould
{
    [Fact]
    public void Describe_a_received_message_in_the_tenant_event_shape()
    {
        var record = MessageRecords.Inbound();

        var raised = TenantEventFactory.MessageReceived(record);

        using var json = JsonDocument.Parse(raised.Body);
        var root = json.RootElement;
        Assert.StartsWith("evt_", root.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(raised.EventId, root.GetProperty("id").GetString());
        Assert.Equal("message.received", root.GetProperty("type").GetString());
        Assert.Equal(record.CreatedAt, root.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal("ten_01", root.GetProperty("tenant_id").GetString());

        var message = root.GetProperty("data").GetProperty("message");
        Assert.Equal("msg_02", message.GetProperty("id").GetString());
        Assert.Equal("wamid.IN", message.GetProperty("wamid").GetString());
        Assert.Equal("1234567890", message.GetProperty("phone_number_id").GetString());
        Assert.Equal("491512345678", message.GetProperty("from").GetString());
        Assert.Equal("text", message.GetProperty("type").GetString());
        Assert.Equal("hi", message.GetProperty("text").GetProperty("body").GetString());
    }

    [Fact]
    public void Give_the_same_event_id_for_the_same_message_twice()
    {
        var record = MessageRecords.Inbound();

        var first = TenantEventFactory.MessageReceived(record);
        var again = TenantEventFactory.MessageReceived(record with { });

        Assert.Equal(first.EventId, again.EventId);
        Assert.Equal(first.Body, again.Body);
        Assert.NotEqual(first.EventId, TenantEventFactory.MessageReceived(MessageRecords.Inbound(id: "msg_03")).EventId);
    }

    [Fact]
    public void Include_the_error_of_a_failed_message()
    {
        var failedAt = MessageRecords.Created.AddSeconds(3);
        var record = MessageRecords.Outbound() with { Failure = new MessageFailure(131047, "Re-engagement message", "More than 24 hours have passed.") };
        var failed = new MessageStatusEntry(MessageStatuses.Failed, failedAt);

        var raised = TenantEventFactory.MessageStatus(record.WithStatus(failed.Status, failed.At), failed);

        using var json = JsonDocument.Parse(raised.Body);
        var data = json.RootElement.GetProperty("data");
        Assert.Equal("message.status", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("msg_01", data.GetProperty("message_id").GetString());
        Assert.Equal("failed", data.GetProperty("status").GetString());
        var error = data.GetProperty("error");
        Assert.Equal(131047, error.GetProperty("code").GetInt32());
        Assert.Equal("Re-engagement message", error.GetProperty("title").GetString());
        Assert.Equal("More than 24 hours have passed.", error.GetProperty("details").GetString());
    }

    [Fact]
    public void Leave_out_the_error_of_a_status_that_is_not_a_failure()
    {
        var delivered = new MessageStatusEntry(MessageStatuses.Delivered, MessageRecords.Created.AddSeconds(2));

        var raised = TenantEventFactory.MessageStatus(MessageRecords.Outbound(), delivered);

        using var json = JsonDocument.Parse(raised.Body);
        Assert.False(json.RootElement.GetProperty("data").TryGetProperty("error", out _));
    }

    [Fact]
    public void Give_each_status_of_a_message_its_own_event_id()
    {
        var record = MessageRecords.Outbound();
        var at = MessageRecords.Created.AddSeconds(2);

        var delivered = TenantEventFactory.MessageStatus(record, new MessageStatusEntry(MessageStatuses.Delivered, at));
        var read = TenantEventFactory.MessageStatus(record, new MessageStatusEntry(MessageStatuses.Read, at));

        Assert.NotEqual(delivered.EventId, read.EventId);
    }

    [Fact]
    public void Preserve_text_that_is_not_ascii()
    {
        const string text = "مرحبا 👋 Grüße \"quoted\" <b>&</b>";
        var record = MessageRecords.Inbound(content: JsonSerializer.Serialize(new { body = text }));

        var raised = TenantEventFactory.MessageReceived(record);

        using var json = JsonDocument.Parse(raised.Body);
        var body = json.RootElement.GetProperty("data").GetProperty("message").GetProperty("text").GetProperty("body");
        Assert.Equal(text, body.GetString());
    }
}
