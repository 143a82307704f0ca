using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Messages;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>
/// The real host in its embedded mode, shared by every messaging test (one MassTransit bus per process), with Meta's Graph
/// API faked on a local port, short retry and pacing settings, and a history store that can lose a record on demand.
/// </summary>
public sealed class MessagingPlatform : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "op_messaging_test_key";

    public FakeGraphApi Graph { get; } = new();

    public FlakyMessageStore Store { get; } = new(new InMemoryMessageStore());

    public PlatformClient Operator => new(CreateClient(), OperatorKey);

    public PlatformClient Anonymous => new(CreateClient(), null);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:OperatorKey", OperatorKey);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("WhatsApp:GraphApiBase", Graph.Url);
        builder.UseSetting("Templates:SandboxApprovalDelay", "00:00:00.200");
        builder.UseSetting("Outbound:RetryIntervals:0", "00:00:00.200");
        builder.UseSetting("Outbound:RetryIntervals:1", "00:00:00.500");
        builder.UseSetting("Outbound:RetryIntervals:2", "00:00:01");
        builder.UseSetting("Outbound:MaxInPlaceWait", "00:00:00.100");
        builder.UseSetting("Conversations:CustomerBurst", "20");
        builder.UseSetting("Conversations:CustomerInterval", "00:00:00.500");
        builder.ConfigureTestServices(services => services.AddSingleton<IMessageStore>(Store));
    }

    public async Task InitializeAsync()
    {
        await Graph.StartAsync();
        _ = Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Graph.DisposeAsync();
        await DisposeAsync();
    }
}
