using System.Net;
using System.Net.Http.Json;
using Platform.Testing;

namespace Platform.Media.Tests;

/// <summary>A tenant's retention period covers what customers sent: the file goes with the body of the message that brought it.</summary>
[Collection(MediaPlatformGroup.Name)]
public sealed class Keeping_customer_files_for_the_retention_period(MediaPlatform platform)
{
    [Fact]
    public async Task Should_delete_a_customers_file_older_than_the_period_and_keep_a_newer_one()
    {
        var tenant = await platform.NewTenantAsync();
        var number = await platform.AddCloudNumberAsync(tenant);
        await tenant.AddWebhookAsync(platform.Receiver.Url);
        var customer = Scenario.NewCustomer();
        var old = await ReceiveAsync(number, customer, DateTimeOffset.UtcNow.AddDays(-40));
        var recent = await ReceiveAsync(number, customer, DateTimeOffset.UtcNow.AddDays(-1));

        using var set = await platform.CallAsync(tenant.Key, HttpMethod.Put, "/v1/settings/privacy", JsonContent.Create(new { message_retention_days = 30 }));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        await Eventually.GetAsync(async () =>
        {
            using var gone = await platform.CallAsync(tenant.Key, HttpMethod.Get, $"/v1/media/{old}");
            return gone.StatusCode == HttpStatusCode.NotFound ? "gone" : null;
        });
        using var kept = await platform.CallAsync(tenant.Key, HttpMethod.Get, $"/v1/media/{recent}");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var history = await tenant.Client.GetAsync($"/v1/messages?customer={customer}&direction=inbound", HttpStatusCode.OK);
        Assert.DoesNotContain(old, history.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(recent, history.GetRawText(), StringComparison.Ordinal);
    }

    private async Task<string> ReceiveAsync(string number, string customer, DateTimeOffset sentAt)
    {
        var metaId = platform.Graph.AddCustomerMedia(number, "image/jpeg", Scenario.Jpeg());
        var wamid = MetaWebhook.NewWamid();
        await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, customer, MetaWebhook.Media(wamid, customer, "image", metaId, "image/jpeg", sentAt: sentAt)));
        var received = await platform.Receiver.WaitForAsync(delivery =>
            delivery.Type == "message.received" && delivery.Body.Contains(wamid, StringComparison.Ordinal));
        return received.Data.GetProperty("message").GetProperty("image").GetProperty("media_id").GetString()!;
    }
}
