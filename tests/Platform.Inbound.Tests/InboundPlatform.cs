using System.Collections.Concurrent;
using System.Globalization;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Inbound;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>
/// The real host in its embedded mode with Meta's app secret and verify token set, and retries shortened: the first retry
/// after 200 ms, the whole retry window 4 s, an attempt timing out after 1 s, a consumer's lease on a conversation 3 s. Also listens to the events the ingress
/// publishes for other features, as their consumers would.
/// </summary>
public sealed class InboundPlatform : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "op_inbound_test_key";
    public const string AppSecret = "meta_app_secret_for_tests";
    public const string VerifyToken = "verify-me-please";
    public static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(4);
    public static readonly TimeSpan LeaseTimeout = TimeSpan.FromSeconds(3);

    public ScriptedWebhookReceiver Receiver { get; } = new();

    public ConcurrentQueue<object> Published { get; } = new();

    public PlatformClient Operator => new(CreateClient(), OperatorKey);

    public HttpClient Meta => CreateClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:OperatorKey", OperatorKey);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("WhatsApp:AppSecret", AppSecret);
        builder.UseSetting("WhatsApp:VerifyToken", VerifyToken);
        builder.UseSetting("Webhooks:AllowPrivateTargets", "true");
        builder.UseSetting("Webhooks:RetryBaseDelay", "00:00:00.200");
        builder.UseSetting("Webhooks:RetryFor", RetryFor.ToString("c", CultureInfo.InvariantCulture));
        builder.UseSetting("Webhooks:Timeout", "00:00:01");
        builder.UseSetting("Webhooks:MaxConcurrentPerEndpoint", "4");
        builder.UseSetting("Webhooks:LeaseTimeout", LeaseTimeout.ToString("c", CultureInfo.InvariantCulture));
    }

    public async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        _ = Server;
        var connector = Services.GetRequiredService<IReceiveEndpointConnector>();
        var handle = connector.ConnectReceiveEndpoint("inbound-tests-observer", (_, endpoint) =>
        {
            endpoint.Handler<TemplateStatusChanged>(context => Observe(context.Message));
            endpoint.Handler<MarketingPreferenceChanged>(context => Observe(context.Message));
            endpoint.Handler<PhoneNumberQualityChanged>(context => Observe(context.Message));
            endpoint.Handler<WhatsAppAccountChanged>(context => Observe(context.Message));
            endpoint.Handler<WhatsAppErrorReported>(context => Observe(context.Message));
        });
        await handle.Ready;
    }

    private Task Observe(object message)
    {
        Published.Enqueue(message);
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await DisposeAsync();
    }
}
