using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
namespace Platform.Testing;

/// <summary>
/// The RabbitMQ node and Azurite that <c>./test.sh</c> starts for this run. Each test class gets its own RabbitMQ virtual
/// host and Orleans cluster and service id, so classes never see each other's queues or grains.
/// </summary>
public static class RealServices
{
    public const string OperatorKey = "op_real_services_test_key";

    private static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set: run the tests with ./test.sh, which starts RabbitMQ and Azurite.");

    /// <summary>
    /// The environment of a host on its own virtual host and cluster, the same for every restart of that host, with the
    /// test's own <paramref name="settings"/> on top.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> IsolatedEnvironmentAsync(
        string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var id = $"{name}-{Guid.NewGuid():N}"[..Math.Min(name.Length + 9, 40)];
        await RabbitMqCtlAsync("add_vhost", id);
        await RabbitMqCtlAsync("set_permissions", "-p", id, "guest", ".*", ".*", ".*");
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__RabbitMq"] = new Uri(new Uri(Required("PLATFORM_TEST_RABBITMQ_URI")), id).ToString(),
            ["ConnectionStrings__AzureStorage"] = Required("PLATFORM_TEST_AZURE_STORAGE"),
            ["Platform__OperatorKey"] = OperatorKey,
            ["Secrets__Keys__k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Secrets__ActiveKeyId"] = "k1",
            ["Orleans__ClusterId"] = id,
            ["Orleans__ServiceId"] = id,
            ["Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__AdvertisedIPAddress"] = "127.0.0.1",
            ["Webhooks__AllowPrivateTargets"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
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
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {await error}");
        }
    }
}
