using System.Net;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>Delivery statuses repeat and arrive out of order; a message never moves backwards and the tenant hears each status once.</summary>
[Collection(InboundPlatformGroup.Name)]
public sealed class Meta_reports_statuses(InboundPlatform platform)
{
    private const string Customer = "16315551234";

    [Fact]
    public async Task Should_keep_the_furthest_status_and_raise_no_second_event_for_repeated_or_late_statuses()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var url = platform.Receiver.Endpoint();
        await tenant.AddWebhookAsync(url);
        await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, [MetaWebhook.Text(MetaWebhook.NewWamid(), "hi", timestamp: DateTimeOffset.UtcNow.ToUnixTimeSeconds())]));
        await platform.Receiver.WaitForAsync(url, requests => requests.Any(request => request.Type == "message.received"));
        var accepted = await tenant.Client.PostAsync(
            "/v1/messages", new { from = number, to = "+" + Customer, type = "text", text = new { body = "Your order shipped." } }, HttpStatusCode.Accepted);
        var id = accepted.GetProperty("id").GetString()!;
        var read = await tenant.WaitForStatusAsync(id, "read");
        var wamid = read.GetProperty("wamid").GetString()!;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        JsonObject Status(string status, long at) => new()
        {
            ["id"] = wamid,
            ["status"] = status,
            ["timestamp"] = at.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["recipient_id"] = Customer,
            ["conversation"] = new JsonObject { ["id"] = "6ceb9d929c0f4b9d3d8fa0a5e5a7e3f1", ["origin"] = new JsonObject { ["type"] = "service" } },
            ["pricing"] = new JsonObject { ["billable"] = false, ["pricing_model"] = "PMP", ["category"] = "service", ["type"] = "free_customer_service" },
        };
        var response = await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, statuses: [Status("read", now + 5), Status("delivered", now + 3), Status("sent", now + 1), Status("read", now + 5)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var marker = MetaWebhook.NewWamid();
        await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, [MetaWebhook.Text(marker, "marker", timestamp: now)]));
        var received = await platform.Receiver.WaitForAsync(url, requests => requests.Any(request => request.Body.Contains(marker, StringComparison.Ordinal)));
        var after = await tenant.Client.GetAsync($"/v1/messages/{id}", HttpStatusCode.OK);
        Assert.Equal("read", after.GetProperty("status").GetString());
        Assert.Equal(["accepted", "sent", "delivered", "read"], after.GetProperty("statuses").EnumerateArray().Select(status => status.GetProperty("status").GetString()));
        foreach (var status in new[] { "sent", "delivered", "read" })
        {
            Assert.Single(received, request => request.Type == "message.status"
                && request.Json.GetProperty("data").GetProperty("message_id").GetString() == id
                && request.Json.GetProperty("data").GetProperty("status").GetString() == status);
        }
    }
}
