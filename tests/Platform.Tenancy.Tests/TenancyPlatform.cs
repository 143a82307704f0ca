using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Testing;

namespace Platform.Tenancy.Tests;

/// <summary>
/// The real host in its embedded mode, shared by every test of this project (one MassTransit bus per process), with Meta's
/// Graph API replaced by <see cref="FakeGraphApi"/> and sandbox templates approving after a short delay.
/// </summary>
public sealed class TenancyPlatform : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "op_tenancy_test_key";

    public FakeGraphApi Graph { get; } = new();

    public Caller Operator => new(CreateClient(), OperatorKey);

    public Caller Anonymous => new(CreateClient(), null);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:OperatorKey", OperatorKey);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("WhatsApp:GraphApiBase", Graph.BaseAddress.ToString());
        builder.UseSetting("WhatsApp:GraphApiVersion", FakeGraphApi.Version);
        builder.UseSetting("WhatsApp:AppId", FakeGraphApi.AppId);
        builder.UseSetting("WhatsApp:AppSecret", FakeGraphApi.AppSecret);
        builder.UseSetting("Templates:SandboxApprovalDelay", "00:00:00.300");
        builder.UseSetting("Privacy:RetentionSweepInterval", "00:00:00.200");
    }

    /// <summary>A new tenant with its operator-issued admin key.</summary>
    public async Task<TestTenant> CreateTenantAsync(string name = "Acme")
    {
        var tenant = await Operator.ExpectAsync(HttpMethod.Post, "/partner/v1/tenants", HttpStatusCode.Created, new { name });
        var id = tenant.GetProperty("id").GetString()!;
        var key = await Operator.ExpectAsync(HttpMethod.Post, $"/partner/v1/tenants/{id}/api-keys", HttpStatusCode.Created, new { });
        return new TestTenant(id, Operator.WithKey(key.GetProperty("key").GetString()));
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
