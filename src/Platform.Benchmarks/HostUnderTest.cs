using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Grains.Conversations;

namespace Platform.Benchmarks;

/// <summary>
/// The platform's host running in this process through its own entry point, on whatever the environment configures
/// (embedded defaults, or RabbitMQ and Azurite through <c>ConnectionStrings__RabbitMq</c> / <c>ConnectionStrings__AzureStorage</c>),
/// reached through its public HTTP API like any client, plus its service provider for what only the silo can tell
/// (activation counts). Rate limits are lifted so that the benchmark measures the platform, not its throttle.
/// </summary>
internal sealed class HostUnderTest
{
    public const string OperatorKey = "op_benchmark";
    public const string AppSecret = "benchmark-app-secret";
    public const string SandboxNumber = "900000001";

    private HostUnderTest(HttpClient http, IHost host, Thread thread)
    {
        Http = http;
        Services = host.Services;
        Thread = thread;
    }

    public HttpClient Http { get; }

    public IServiceProvider Services { get; }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>What the host runs on, for the report.</summary>
    public static string Mode => string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq"))
        ? "embedded (in-memory grains, history and transport)"
        : "RabbitMQ + Azurite";

    private Thread Thread { get; }

    public static async Task<HostUnderTest> StartAsync(int connections)
    {
        var port = FreePort();
        var arguments = new[]
        {
            $"--urls=http://127.0.0.1:{port}", $"--Platform:OperatorKey={OperatorKey}", "--Telemetry:PrometheusEnabled=true",
            $"--Orleans:SiloPort={FreePort()}", $"--Orleans:GatewayPort={FreePort()}", "--Logging:LogLevel:Default=Warning",
            "--RateLimiting:PermitsPerSecond=1000000", "--RateLimiting:Burst=1000000", $"--WhatsApp:AppSecret={AppSecret}",
        };
        using var capture = new HostCapture();
        var entry = typeof(Platform.Host.Hosting.PlatformMode).Assembly.EntryPoint!;
        var thread = new Thread(() => entry.Invoke(null, [arguments])) { IsBackground = true, Name = "Platform.Host" };
        thread.Start();
        var host = await capture.Built.WaitAsync(TimeSpan.FromSeconds(60));

        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromMinutes(2),
        };
        var started = new HostUnderTest(http, host, thread);
        await started.WaitReadyAsync();
        return started;
    }

    /// <summary>Stops the host as a deployment would (the silo leaves its cluster, the bus closes) and waits for the entry point to return.</summary>
    public async Task StopAsync()
    {
        Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await Task.Run(() => Thread.Join(TimeSpan.FromSeconds(60)));
    }

    /// <summary>A tenant with an API key and the sandbox number <see cref="SandboxNumber"/>.</summary>
    public async Task<BenchmarkTenant> OnboardAsync()
    {
        var tenant = await PostAsync(OperatorKey, "/partner/v1/tenants", new { name = "Benchmark" });
        var id = tenant.GetProperty("id").GetString()!;
        var key = (await PostAsync(OperatorKey, $"/partner/v1/tenants/{id}/api-keys", new { })).GetProperty("key").GetString()!;
        await PostAsync(key, "/v1/phone-numbers", new { phone_number_id = SandboxNumber, display_phone_number = "+1 555 0100", channel = "sandbox" });
        return new BenchmarkTenant(id, key);
    }

    /// <summary><paramref name="customers"/> distinct customer numbers, the same in every run.</summary>
    public static string[] Customers(int customers) =>
        [.. Enumerable.Range(0, customers).Select(i => (4915100000000L + i).ToString(CultureInfo.InvariantCulture))];

    /// <summary>Every customer writes once through the sandbox, so that each conversation's window is open.</summary>
    public async Task CustomersWriteAsync(BenchmarkTenant tenant, IEnumerable<string> waIds, int concurrency) =>
        await Parallel.ForEachAsync(waIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (waId, _) =>
            await PostAsync(tenant.Key, "/v1/sandbox/inbound", new { phone_number_id = SandboxNumber, from = waId, text = "hi" }));

    /// <summary>
    /// Waits until each customer's conversation holds their message, asking every conversation grain (the silo's own answer,
    /// no history scan): the last customers first, since while they are not there yet the earlier ones need not be asked again.
    /// </summary>
    public async Task WaitUntilRecordedAsync(BenchmarkTenant tenant, IEnumerable<string> waIds, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var pending = waIds.Reverse().ToList();
        while (true)
        {
            var stillPending = new List<string>();
            foreach (var batch in pending.Chunk(1_000))
            {
                if (stillPending.Count > 0)
                {
                    stillPending.AddRange(batch);
                    continue;
                }

                var recorded = await Task.WhenAll(batch.Select(async waId => (WaId: waId, Summary: await Grains
                    .GetGrain<IConversationGrain>(new ConversationKey(tenant.Id, SandboxNumber, waId).ToString()).GetSummaryAsync())));
                stillPending.AddRange(recorded.Where(item => item.Summary.LastCustomerMessageAt is null).Select(item => item.WaId));
            }

            if (stillPending.Count == 0)
            {
                return;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{stillPending.Count} conversations had not recorded their customer's message after {timeout}.");
            }

            pending = stillPending;
            await Task.Delay(500);
        }
    }

    public async Task<JsonElement> PostAsync(string key, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await ReadAsync(path, await Http.SendAsync(request));
    }

    public async Task<JsonElement> GetAsync(string key, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await ReadAsync(path, await Http.SendAsync(request));
    }

    /// <summary>
    /// The sum of a counter over its label sets (those whose labels contain <paramref name="labels"/>, when given), read off
    /// the host's Prometheus endpoint.
    /// </summary>
    public async Task<double> CounterAsync(string name, string? labels = null)
    {
        var scrape = await Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        return Regex.Matches(scrape, $@"^{Regex.Escape(name)}(\{{(?<labels>[^}}]*)\}})? (?<value>[0-9.eE+]+)", RegexOptions.Multiline)
            .Where(match => labels is null || match.Groups["labels"].Value.Contains(labels, StringComparison.Ordinal))
            .Sum(match => double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The silo's activations: all of them, and those of grain classes whose name contains <paramref name="grainType"/>.</summary>
    public async Task<(int Total, int OfType)> ActivationsAsync(string grainType)
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        return (statistics.Sum(statistic => statistic.ActivationCount),
            statistics.Where(statistic => statistic.GrainType.Contains(grainType, StringComparison.Ordinal)).Sum(statistic => statistic.ActivationCount));
    }

    private static async Task<JsonElement> ReadAsync(string path, HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode
                ? (text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone())
                : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
        }
    }

    private async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The host did not become ready.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
