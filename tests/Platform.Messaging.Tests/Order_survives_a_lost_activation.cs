using System.Collections.Immutable;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Outbound;
using Platform.Grains.Identifiers;
using Platform.Grains.Messages;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>
/// A silo accepted three messages to one customer and died before sending them; the broker brings their commands back in
/// any order. Whichever comes first, the customer gets them in the order they were accepted, each once.
/// </summary>
[Collection(MessagingPlatformGroup.Name)]
public sealed class Order_survives_a_lost_activation(MessagingPlatform platform)
{
    [Fact]
    public async Task Should_send_the_earlier_messages_first_when_the_last_command_comes_back_first()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await platform.AddCloudNumberAsync(tenant);
        var customer = Scenario.NewCustomer();
        await platform.CustomerWritesAsync(tenant, number, customer, "Where is my order?");
        var acceptedAt = DateTimeOffset.UtcNow.AddSeconds(-30);
        var first = await LeftAcceptedAsync(tenant.Id, number, customer, "1/3 Your order has shipped", acceptedAt, previous: null);
        var second = await LeftAcceptedAsync(tenant.Id, number, customer, "2/3 It arrives on Friday", acceptedAt.AddMilliseconds(5), previous: first);
        var third = await LeftAcceptedAsync(tenant.Id, number, customer, "3/3 Track it here", acceptedAt.AddMilliseconds(10), previous: second);

        await CommandComesBackAsync(third, tenant.Id, number, customer);
        await tenant.WaitForStatusAsync(third.Id, "sent");
        await CommandComesBackAsync(first, tenant.Id, number, customer);
        await CommandComesBackAsync(second, tenant.Id, number, customer);
        var marker = await tenant.SendAcceptedAsync(Templates.Text(number, customer, "After"));
        await tenant.WaitForStatusAsync(marker, "sent");

        Assert.Equal(
            ["1/3 Your order has shipped", "2/3 It arrives on Friday", "3/3 Track it here", "After"],
            platform.Graph.SentTo(customer).Select(request => request.Body.GetProperty("text").GetProperty("body").GetString()));
        Assert.Equal("sent", (await tenant.WaitForStatusAsync(first.Id, "sent")).GetProperty("status").GetString());
    }

    // What the lost silo left: the record, written once the command was on the queue.
    private async Task<MessageRecord> LeftAcceptedAsync(string tenantId, string number, string customer, string text, DateTimeOffset at, MessageRecord? previous)
    {
        var record = new MessageRecord
        {
            TenantId = tenantId,
            Id = PlatformIds.New("msg", at),
            Direction = MessageRecord.Outbound,
            PhoneNumberId = number,
            CustomerWaId = customer,
            Type = "text",
            Channel = "cloud_api",
            InsideWindow = true,
            Content = System.Text.Json.JsonSerializer.Serialize(new { body = text, preview_url = false }),
            PreviousMessageId = previous?.Id,
            CreatedAt = at,
            Statuses = ImmutableList.Create(new MessageStatusEntry(MessageStatuses.Accepted, at)),
        };
        await platform.Store.SaveAsync(record);
        return record;
    }

    private Task CommandComesBackAsync(MessageRecord record, string tenantId, string number, string customer) =>
        platform.Services.GetRequiredService<IBus>().Publish(new SendWhatsAppMessage
        {
            TenantId = tenantId,
            MessageId = record.Id,
            PhoneNumberId = number,
            Channel = "cloud_api",
            To = customer,
            Type = record.Type,
            Content = record.Content,
            InsideWindow = true,
            AcceptedAt = record.CreatedAt,
            PreviousMessageId = record.PreviousMessageId,
        });
}
