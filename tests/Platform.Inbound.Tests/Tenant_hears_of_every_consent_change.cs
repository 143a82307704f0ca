using System.Net;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>
/// Whatever changes a customer's consent (the tenant's own API calls, the customer's STOP and START, Meta), the tenant hears
/// of it as <c>contact.consent</c>, so its CRM never disagrees with what the platform enforces.
/// </summary>
[Collection(InboundPlatformGroup.Name)]
public sealed class Tenant_hears_of_every_consent_change(InboundPlatform platform)
{
    private static readonly string[] ConsentOnly = ["contact.consent"];

    [Fact]
    public async Task Should_announce_opt_ins_and_opt_outs_made_through_the_api()
    {
        var (tenant, _, url) = await SetUpAsync();

        await tenant.Client.PostAsync("/v1/contacts/4915123456789/opt-in", new { source = "checkout", proof = "Ticked the WhatsApp box" }, HttpStatusCode.OK);
        await tenant.Client.PostAsync("/v1/contacts/4915123456789/opt-out", new { scope = "marketing" }, HttpStatusCode.OK);

        var deliveries = await platform.Receiver.WaitForAsync(url, requests => requests.Count >= 2);
        var changes = deliveries.Select(delivery => delivery.Json.GetProperty("data")).OrderBy(data => data.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.All(deliveries, delivery => Assert.Equal("contact.consent", delivery.Type));
        Assert.Equal(["opt_in", "opt_out_marketing"], changes.Select(data => data.GetProperty("consent").GetString()));
        Assert.All(changes, data => Assert.Equal("api", data.GetProperty("source").GetString()));
        Assert.All(changes, data => Assert.Equal("4915123456789", data.GetProperty("wa_id").GetString()));
    }

    [Fact]
    public async Task Should_announce_a_customers_stop_with_the_number_they_wrote_to()
    {
        var (tenant, number, url) = await SetUpAsync();
        await tenant.Client.PostAsync("/v1/contacts/16315551234/opt-in", new { source = "web", proof = "Signed up on the web" }, HttpStatusCode.OK);

        await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, [MetaWebhook.Text(MetaWebhook.NewWamid(), "STOP")]));

        var deliveries = await platform.Receiver.WaitForAsync(url, requests => requests.Count >= 2);
        var stop = deliveries.Select(delivery => delivery.Json.GetProperty("data")).Single(data => data.GetProperty("consent").GetString() == "opt_out");
        Assert.Equal("keyword", stop.GetProperty("source").GetString());
        Assert.Equal("16315551234", stop.GetProperty("wa_id").GetString());
        Assert.Equal(number, stop.GetProperty("phone_number_id").GetString());
    }

    private async Task<(Tenant Tenant, string Number, string Url)> SetUpAsync()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var url = platform.Receiver.Endpoint();
        await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url, event_types = ConsentOnly }, HttpStatusCode.Created);
        return (tenant, number, url);
    }
}
