using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Testing;

namespace Platform.Media.Tests;

/// <summary>
/// The real host in its embedded mode, shared by every media test (one MassTransit bus per process): Meta's Graph API faked
/// on a local port (sends, media uploads, media look-ups and downloads), Meta's app secret set so tests can post signed
/// webhooks, a tenant webhook receiver on another port, and short retries for fetching customers' files and for sends.
/// </summary>
public sealed class MediaPlatform : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "op_media_test_key";
    public const string AppSecret = "meta_app_secret_for_media_tests";

    public FakeGraphApi Graph { get; } = new();

    public WebhookReceiver Receiver { get; } = new();

    public PlatformClient Operator => new(CreateClient(), OperatorKey);

    public HttpClient Meta => CreateClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:OperatorKey", OperatorKey);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("WhatsApp:GraphApiBase", Graph.Url);
        builder.UseSetting("WhatsApp:AppSecret", AppSecret);
        builder.UseSetting("WhatsApp:VerifyToken", "verify-media-tests");
        builder.UseSetting("Webhooks:AllowPrivateTargets", "true");
        builder.UseSetting("Webhooks:RetryBaseDelay", "00:00:00.200");
        builder.UseSetting("Media:FetchAttempts", "3");
        builder.UseSetting("Media:FetchRetryDelay", "00:00:00.050");
        builder.UseSetting("Privacy:RetentionSweepInterval", "00:00:00.200");
        builder.UseSetting("Outbound:RetryIntervals:0", "00:00:00.200");
        builder.UseSetting("Outbound:RetryIntervals:1", "00:00:00.500");
        builder.UseSetting("Outbound:MaxInPlaceWait", "00:00:00.100");
        builder.UseSetting("Conversations:CustomerBurst", "20");
        builder.UseSetting("Conversations:CustomerInterval", "00:00:00.500");
    }

    public async Task InitializeAsync()
    {
        await Graph.StartAsync();
        await Receiver.StartAsync();
        _ = Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await Graph.DisposeAsync();
        await DisposeAsync();
    }
}
