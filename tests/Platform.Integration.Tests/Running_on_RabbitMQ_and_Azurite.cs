using System.Net;
using Platform.Testing;

namespace Platform.Integration.Tests;

/// <summary>
/// The first slice with real services: RabbitMQ carries the queues, Azure Table storage (Azurite) holds grain state,
/// clustering and the message history, and all of it survives a restart of the host.
/// </summary>
public sealed class Running_on_RabbitMQ_and_Azurite : IAsyncLifetime, IAsyncDisposable
{
    private const string Customer = "4915123456789";
    private readonly WebhookReceiver _webhooks = new();
    private IReadOnlyDictionary<string, string> _environment = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await _webhooks.StartAsync();
        _environment = await RealServices.IsolatedEnvironmentAsync("slice");
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => _webhooks.DisposeAsync();

    [Fact]
    public async Task Should_carry_a_conversation_end_to_end_and_keep_tenant_key_and_window_across_a_restart()
    {
        Tenant tenant;
        string number;
        string secret;
        string firstReply;
        await using (var host = await PlatformProcess.StartAsync(_environment))
        {
            tenant = await Onboarding.CreateTenantAsync(new PlatformClient(host.Http, RealServices.OperatorKey));
            number = await tenant.AddSandboxNumberAsync();
            secret = await tenant.AddWebhookAsync(_webhooks.Url);

            await tenant.Client.PostAsync("/v1/sandbox/inbound", new { phone_number_id = number, from = Customer, text = "Où est ma commande ?" }, HttpStatusCode.Accepted);
            var received = await _webhooks.WaitForAsync(webhook => webhook.Type == "message.received");
            Assert.True(Signatures.IsValid(received, secret));
            Assert.Equal("Où est ma commande ?", received.Data.GetProperty("message").GetProperty("text").GetProperty("body").GetString());

            firstReply = await SendAsync(tenant, number, "Elle arrive demain.");
            await tenant.WaitForStatusAsync(firstReply, "read");
            await host.StopAsync();
        }

        await using (var restarted = await PlatformProcess.StartAsync(_environment))
        {
            // Same key, new process: the key's hash, the tenant and its number were read back from Azure Table storage.
            var client = tenant.Client.WithHttp(restarted.Http);
            var again = tenant with { Client = client };
            var before = await client.GetAsync($"/v1/messages/{firstReply}", HttpStatusCode.OK);
            Assert.Equal("read", before.GetProperty("status").GetString());

            // The customer's window, opened before the restart, still lets a free-form reply through.
            var secondReply = await SendAsync(again, number, "Merci de votre patience !");
            var read = await again.WaitForStatusAsync(secondReply, "read");
            Assert.Equal(["accepted", "sent", "delivered", "read"], read.GetProperty("statuses").EnumerateArray().Select(status => status.GetProperty("status").GetString()));
            var statusEvent = await _webhooks.WaitForAsync(webhook =>
                webhook.Type == "message.status" && webhook.Data.GetProperty("message_id").GetString() == secondReply
                && webhook.Data.GetProperty("status").GetString() == "read");
            Assert.True(Signatures.IsValid(statusEvent, secret));

            // The number stays this tenant's: another tenant cannot take it over after the restart.
            var other = await Onboarding.CreateTenantAsync(new PlatformClient(restarted.Http, RealServices.OperatorKey), "Other");
            var taken = await other.Client.PostAsync(
                "/v1/phone-numbers", new { phone_number_id = number, display_phone_number = "+1 555 0100", channel = "sandbox" }, HttpStatusCode.Conflict);
            Assert.Equal("phone_number_taken", taken.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Should_refuse_a_reply_with_window_closed_to_a_customer_who_never_wrote()
    {
        await using var host = await PlatformProcess.StartAsync(_environment);
        var tenant = await Onboarding.CreateTenantAsync(new PlatformClient(host.Http, RealServices.OperatorKey));
        var number = await tenant.AddSandboxNumberAsync();

        var problem = await tenant.Client.PostAsync(
            "/v1/messages", new { from = number, to = "15550001111", type = "text", text = new { body = "Hello" } }, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("window_closed", problem.GetProperty("code").GetString());
    }

    private static async Task<string> SendAsync(Tenant tenant, string number, string text)
    {
        var accepted = await tenant.Client.PostAsync(
            "/v1/messages", new { from = number, to = Customer, type = "text", text = new { body = text } }, HttpStatusCode.Accepted);
        return accepted.GetProperty("id").GetString()!;
    }
}
