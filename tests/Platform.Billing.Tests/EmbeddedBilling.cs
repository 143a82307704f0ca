using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Billing.Pricing;
using Platform.Testing;

namespace Platform.Billing.Tests;

/// <summary>
/// The host alone in its embedded mode (no RabbitMQ): billing runs in-process and pushes to the fake Stripe. One per test
/// process (one MassTransit bus per process), shared through <see cref="EmbeddedBillingGroup"/>.
/// </summary>
public sealed class EmbeddedBilling : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "op_billing_test_key";

    /// <summary>
    /// The operator made two of the four meters by hand; billing finds those by event name and creates the other two.
    /// </summary>
    public FakeStripe Stripe { get; } = new([$"whatsapp_{MessageCategories.Marketing}", $"whatsapp_{MessageCategories.Service}"]);

    public WebhookReceiver Webhooks { get; } = new();

    public PlatformClient Operator => new(CreateClient(), OperatorKey);

    /// <summary>PUT as the operator (the shared client has no PUT).</summary>
    public async Task<System.Text.Json.JsonElement> OperatorPutAsync(string path, object body, System.Net.HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OperatorKey);
        using var client = CreateClient();
        return await PlatformClient.ExpectAsync(await client.SendAsync(request), expected);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:OperatorKey", OperatorKey);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Stripe:ApiKey", FakeStripe.ApiKey);
        builder.UseSetting("Stripe:ApiBase", Stripe.Url);
        builder.UseSetting("Stripe:RequestTimeout", "00:00:02");
        builder.UseSetting("Billing:PushInterval", "00:00:00.200");
        builder.UseSetting("Billing:SpendCacheTime", "00:00:00");
        builder.UseSetting("Billing:SpendRefreshInterval", "00:00:00");
        builder.UseSetting("Billing:Coalesce", "00:00:00.050");
    }

    public async Task InitializeAsync()
    {
        await Stripe.StartAsync();
        await Webhooks.StartAsync();
        _ = Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Webhooks.DisposeAsync();
        await Stripe.DisposeAsync();
        await DisposeAsync();
    }
}
