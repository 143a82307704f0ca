using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Platform.Testing;

namespace Platform.Deployment.Tests;

/// <summary>
/// Both deployables start and turn ready with the environment the chart gives their pods (ConfigMap rendered from the
/// default values, Secret keys by the same names), against the RabbitMQ and Azurite that <c>./test.sh</c> starts.
/// Only what must differ on one machine differs: ports, and a private virtual host and cluster id. Outside a cluster
/// there is no Kubernetes API, so <c>POD_NAME</c>/<c>POD_NAMESPACE</c> are left out (the drift tests cover those names).
/// </summary>
public sealed class The_hosts_started_with_the_chart_configuration
{
    [Fact]
    public async Task Should_turn_ready_and_stop_within_the_pods_grace_period()
    {
        var (rabbitMq, id) = await IsolatedVirtualHostAsync();
        var secrets = new Dictionary<string, string>
        {
            ["ConnectionStrings__AzureStorage"] = Required("PLATFORM_TEST_AZURE_STORAGE"),
            ["ConnectionStrings__RabbitMq"] = rabbitMq,
        };

        var host = RenderedConfigMap.Of("host");
        host["ASPNETCORE_HTTP_PORTS"] = Port();
        host["Orleans__SiloPort"] = Port();
        host["Orleans__GatewayPort"] = Port();
        host["Orleans__ClusterId"] = id;
        host["Orleans__ServiceId"] = id;
        host["Orleans__AdvertisedIPAddress"] = "127.0.0.1";
        host["Platform__OperatorKey"] = "op_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        foreach (var keyId in Chart.Values["secrets"]!["encryption"]!["keyIds"]!.AsArray())
        {
            host[$"Secrets__Keys__{keyId}"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }

        var billing = RenderedConfigMap.Of("billing");
        billing["ASPNETCORE_HTTP_PORTS"] = Port();

        await using var hostProcess = await PlatformProcess.StartAsync("Platform.Host", Merge(host, secrets));
        await using var billingProcess = await PlatformProcess.StartAsync("Platform.Billing", Merge(billing, secrets));

        foreach (var (deployable, component) in new[] { (hostProcess, "host"), (billingProcess, "billing") })
        {
            var grace = TimeSpan.FromSeconds(Chart.Values[component]!["terminationGracePeriodSeconds"]!.GetValue<long>());
            var stopped = await deployable.TerminateAsync(grace);
            Assert.True(stopped is not null, $"{component} did not stop within {grace} of SIGTERM.{Environment.NewLine}{deployable.Log}");
        }
    }

    private static Dictionary<string, string> Merge(Dictionary<string, string> configMap, Dictionary<string, string> secrets) =>
        configMap.Concat(secrets).ToDictionary(pair => pair.Key, pair => pair.Value);

    private static string Port() => FreePorts.Next().ToString(CultureInfo.InvariantCulture);

    private static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set: run the tests with ./test.sh, which starts RabbitMQ and Azurite.");

    private static async Task<(string Uri, string Id)> IsolatedVirtualHostAsync()
    {
        var id = $"chart-{Guid.NewGuid():N}"[..24];
        await RabbitMqCtlAsync("add_vhost", id);
        await RabbitMqCtlAsync("set_permissions", "-p", id, "guest", ".*", ".*", ".*");
        return (new Uri(new Uri(Required("PLATFORM_TEST_RABBITMQ_URI")), id).ToString(), id);
    }

    private static async Task RabbitMqCtlAsync(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(Required("PLATFORM_TEST_RABBITMQCTL"), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"rabbitmqctl {string.Join(' ', arguments)} failed: {await error}");
    }
}
