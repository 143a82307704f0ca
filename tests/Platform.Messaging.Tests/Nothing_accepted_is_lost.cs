using System.Net;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>
/// A message is accepted once its command is on the outbound queue. If the silo dies before the message's record is written
/// (simulated: that write fails), the command still brings it to the channel and the record is rebuilt from it.
/// </summary>
[Collection(MessagingPlatformGroup.Name)]
public sealed class Nothing_accepted_is_lost(MessagingPlatform platform)
{
    [Fact]
    public async Task Should_send_a_queued_message_whose_record_was_lost_and_rebuild_its_record()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await platform.AddCloudNumberAsync(tenant);
        var customer = Scenario.NewCustomer();
        await platform.CustomerWritesAsync(tenant, number, customer, "Hello");
        var marker = $"lost-record-{Guid.NewGuid():N}";
        platform.Store.LoseFirstRecordOf(marker);

        var id = await tenant.SendAcceptedAsync(Templates.Text(number, customer, marker));

        var sent = await tenant.WaitForStatusAsync(id, "sent");
        Assert.Equal(marker, sent.GetProperty("text").GetProperty("body").GetString());
        Assert.Single(platform.Graph.SentTo(customer));
    }

    [Fact]
    public async Task Should_not_send_twice_when_the_command_is_delivered_again()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await platform.AddCloudNumberAsync(tenant);
        var customer = Scenario.NewCustomer();
        await platform.CustomerWritesAsync(tenant, number, customer, "Hello");
        var id = await tenant.SendAcceptedAsync(Templates.Text(number, customer, "Once"));
        var sent = await tenant.WaitForStatusAsync(id, "sent");

        var bus = (MassTransit.IBus)platform.Services.GetService(typeof(MassTransit.IBus))!;
        await bus.Publish(new Platform.Contracts.Outbound.SendWhatsAppMessage
        {
            TenantId = tenant.Id,
            MessageId = id,
            PhoneNumberId = number,
            Channel = "cloud_api",
            To = customer,
            Type = "text",
            Content = """{"body":"Once"}""",
            AcceptedAt = sent.GetProperty("created_at").GetDateTimeOffset(),
        });
        var marker = await tenant.SendAcceptedAsync(Templates.Text(number, customer, "After"));
        await tenant.WaitForStatusAsync(marker, "sent");

        Assert.Equal(["Once", "After"], platform.Graph.SentTo(customer).Select(request => request.Body.GetProperty("text").GetProperty("body").GetString()));
    }
}
