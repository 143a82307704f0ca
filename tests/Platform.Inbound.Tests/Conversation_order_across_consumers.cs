using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Deliveries;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>
/// Deliveries of one endpoint may be consumed on any silo, by any of its consumers: the endpoint's delivery grain (one
/// activation in the cluster) is what keeps a conversation in order. Here two "consumers" (calls that could come from two
/// processes) ask it about events of two conversations while the first event fails and waits for its retry.
/// </summary>
[Collection(InboundPlatformGroup.Name)]
public sealed class Conversation_order_across_consumers(InboundPlatform platform)
{
    [Fact]
    public async Task Should_hold_a_later_event_behind_an_earlier_one_waiting_for_a_retry_while_other_conversations_go_on()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var url = platform.Receiver.Endpoint((500, TimeSpan.Zero));
        var endpointId = (await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var schedule = platform.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IWebhookDeliveryGrain>(new WebhookDeliveryKey(tenant.Id, endpointId).ToString());
        var sender = platform.Services.GetRequiredService<IWebhookSender>();
        var (a1, a2, a3, b1) = (Delivery(tenant, endpointId, "conv-a"), Delivery(tenant, endpointId, "conv-a"),
            Delivery(tenant, endpointId, "conv-a"), Delivery(tenant, endpointId, "conv-b"));

        Assert.True(await schedule.AdmitAsync(a1));   // consumer 1 takes the conversation's first event
        Assert.False(await schedule.AdmitAsync(a2));  // consumer 2 must not send the second one while the first is in flight
        Assert.True(await schedule.AdmitAsync(b1));   // another conversation is not held
        await schedule.ReportAsync(a1, await sender.SendAsync(a1, 1, CancellationToken.None));
        Assert.False(await schedule.AdmitAsync(a3));  // the first now waits for its retry: the third waits behind it
        await schedule.ReportAsync(b1, await sender.SendAsync(b1, 1, CancellationToken.None));

        var requests = await platform.Receiver.WaitForAsync(url, requests => requests.Count(request => request.AnsweredStatus == 200) == 4);

        Assert.Equal(
            [(a1.DeliveryId, 500), (b1.DeliveryId, 200), (a1.DeliveryId, 200), (a2.DeliveryId, 200), (a3.DeliveryId, 200)],
            requests.Select(request => (request.DeliveryId!, request.AnsweredStatus)));
    }

    [Fact]
    public async Task Should_let_a_consumer_that_cannot_attempt_now_hand_an_event_back_without_losing_its_place()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var url = platform.Receiver.Endpoint();
        var endpointId = (await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var schedule = platform.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IWebhookDeliveryGrain>(new WebhookDeliveryKey(tenant.Id, endpointId).ToString());
        var (first, second) = (Delivery(tenant, endpointId, "conv-c"), Delivery(tenant, endpointId, "conv-c"));

        Assert.True(await schedule.AdmitAsync(first));
        Assert.False(await schedule.AdmitAsync(second));
        await schedule.EnqueueAsync(first);  // its endpoint's slots in this process were all busy

        var requests = await platform.Receiver.WaitForAsync(url, requests => requests.Count == 2);
        Assert.Equal([first.DeliveryId, second.DeliveryId], requests.Select(request => request.DeliveryId));
    }

    [Fact]
    public async Task Should_free_a_conversation_whose_consumer_died_holding_its_first_event_once_the_lease_runs_out()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var url = platform.Receiver.Endpoint();
        var endpointId = (await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var schedule = platform.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IWebhookDeliveryGrain>(new WebhookDeliveryKey(tenant.Id, endpointId).ToString());
        var (first, second) = (Delivery(tenant, endpointId, "conv-d"), Delivery(tenant, endpointId, "conv-d"));
        Assert.True(await schedule.AdmitAsync(first));  // and the consumer is never heard of again
        var queuedAt = DateTimeOffset.UtcNow;
        Assert.False(await schedule.AdmitAsync(second));

        var requests = await platform.Receiver.WaitForAsync(url, requests => requests.Count == 1, TimeSpan.FromSeconds(15));

        Assert.Equal(second.DeliveryId, requests[0].DeliveryId);
        Assert.True(requests[0].At - queuedAt >= InboundPlatform.LeaseTimeout - TimeSpan.FromMilliseconds(500), "The second waited for the first's lease.");
    }

    private static WebhookDelivery Delivery(Tenant tenant, string endpointId, string conversation)
    {
        var id = Guid.NewGuid().ToString("N");
        return new WebhookDelivery($"dlv_{id}", tenant.Id, endpointId, $"evt_{id}", "webhook.test", conversation,
            "{\"id\":\"evt_" + id + "\",\"type\":\"webhook.test\",\"data\":{}}");
    }
}
