using System.Net;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>The first slice end to end in the embedded mode: a customer writes, the tenant hears it and answers in the window.</summary>
[Collection(EmbeddedPlatformGroup.Name)]
public sealed class Customer_writes_and_the_tenant_replies(EmbeddedPlatform platform)
{
    private const string Customer = "4915123456789";

    [Fact]
    public async Task Should_post_the_customers_message_to_the_tenant_webhook_signed_with_the_endpoint_secret()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var secret = await tenant.AddWebhookAsync(platform.Webhooks.Url);

        var inbound = await tenant.Client.PostAsync(
            "/v1/sandbox/inbound", new { phone_number_id = number, from = Customer, text = "Hi, is my order on its way? 📦" }, HttpStatusCode.Accepted);

        var received = await platform.Webhooks.WaitForAsync(webhook =>
            webhook.Type == "message.received" && webhook.Event.GetProperty("tenant_id").GetString() == tenant.Id);
        Assert.True(Signatures.IsValid(received, secret));
        Assert.StartsWith("evt_", received.Event.GetProperty("id").GetString());
        Assert.Equal("message.received", received.Headers["Platform-Event-Type"]);
        Assert.StartsWith("dlv_", received.Headers["Platform-Delivery-Id"]);
        var message = received.Data.GetProperty("message");
        Assert.Equal(Customer, message.GetProperty("from").GetString());
        Assert.Equal(number, message.GetProperty("phone_number_id").GetString());
        Assert.Equal(inbound.GetProperty("wamid").GetString(), message.GetProperty("wamid").GetString());
        Assert.Equal("text", message.GetProperty("type").GetString());
        Assert.Equal("Hi, is my order on its way? 📦", message.GetProperty("text").GetProperty("body").GetString());

        var stored = await tenant.Client.GetAsync($"/v1/messages/{message.GetProperty("id").GetString()}", HttpStatusCode.OK);
        Assert.Equal("inbound", stored.GetProperty("direction").GetString());
        Assert.Equal(Customer, stored.GetProperty("from").GetString());
    }

    [Fact]
    public async Task Should_send_the_reply_and_show_it_sent_delivered_and_read()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var secret = await tenant.AddWebhookAsync(platform.Webhooks.Url);
        await tenant.Client.PostAsync("/v1/sandbox/inbound", new { phone_number_id = number, from = Customer, text = "hi" }, HttpStatusCode.Accepted);
        await platform.Webhooks.WaitForAsync(webhook => webhook.Type == "message.received" && webhook.Event.GetProperty("tenant_id").GetString() == tenant.Id);

        var accepted = await tenant.Client.PostAsync(
            "/v1/messages", new { from = number, to = "+49 151 2345 6789", type = "text", text = new { body = "Yes, it arrives tomorrow." } }, HttpStatusCode.Accepted);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        var id = accepted.GetProperty("id").GetString()!;

        var read = await tenant.WaitForStatusAsync(id, "read");
        Assert.Equal("outbound", read.GetProperty("direction").GetString());
        Assert.Equal(Customer, read.GetProperty("to").GetString());
        Assert.Equal("Yes, it arrives tomorrow.", read.GetProperty("text").GetProperty("body").GetString());
        Assert.StartsWith("wamid.", read.GetProperty("wamid").GetString());
        Assert.Equal(
            ["accepted", "sent", "delivered", "read"],
            read.GetProperty("statuses").EnumerateArray().Select(status => status.GetProperty("status").GetString()));

        foreach (var status in new[] { "sent", "delivered", "read" })
        {
            var webhook = await platform.Webhooks.WaitForAsync(webhook =>
                webhook.Type == "message.status" && webhook.Data.GetProperty("message_id").GetString() == id
                && webhook.Data.GetProperty("status").GetString() == status);
            Assert.True(Signatures.IsValid(webhook, secret));
        }
    }

    [Fact]
    public async Task Should_refuse_a_free_form_message_with_window_closed_when_the_customer_never_wrote()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();

        var response = await tenant.Client.PostAsync("/v1/messages", new { from = number, to = Customer, type = "text", text = new { body = "Hello!" } });

        var problem = await PlatformClient.ExpectAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("window_closed", problem.GetProperty("code").GetString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
