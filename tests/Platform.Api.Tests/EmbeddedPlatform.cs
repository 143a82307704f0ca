using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>
/// The real host in its embedded mode (in-memory grains and transport, sandbox channel), shared by every API test: one
/// MassTransit bus per process. Each test creates its own tenants, so tests stay independent.
/// </summary>
public sealed class EmbeddedPlatform : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "op_embedded_test_key";

    public WebhookReceiver Webhooks { get; } = new();

    public PlatformClient Operator => new(CreateClient(), OperatorKey);

    public PlatformClient Anonymous => new(CreateClient(), null);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:OperatorKey", OperatorKey);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
    }

    public async Task InitializeAsync()
    {
        await Webhooks.StartAsync();
        _ = Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Webhooks.DisposeAsync();
        await DisposeAsync();
    }
}
