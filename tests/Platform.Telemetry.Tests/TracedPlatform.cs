using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Platform.Testing;

namespace Platform.Telemetry.Tests;

/// <summary>
/// The real host in its embedded mode with the Prometheus endpoint switched on and every finished span kept in memory.
/// One per test process: MassTransit allows one bus per process.
/// </summary>
public sealed class TracedPlatform : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "op_telemetry_test_key";

    public LockedCollection<Activity> Spans { get; } = new();

    public WebhookReceiver Webhooks { get; } = new();

    public PlatformClient Operator => new(CreateClient(), OperatorKey);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:OperatorKey", OperatorKey);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Telemetry:PrometheusEnabled", "true");
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans)));
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
