using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

// Embedded-mode throughput, accepted → sent (DESIGN.md: at least 5,000 messages/s on the sandbox channel). The host runs in
// this process on its embedded defaults; sends go through the public HTTP API with many in flight, and "sent" is read off the
// host's own counter on /metrics, so the measurement adds no per-message polling.
//
//   dotnet run -c Release --project src/Platform.Benchmarks -- [messages=20000] [customers=2000] [concurrency=64]
var messages = Arg(0, 20_000);
var customers = Arg(1, 2_000);
var concurrency = Arg(2, 64);
var port = FreePort();
var operatorKey = "op_benchmark";
var hostArgs = new[]
{
    $"--urls=http://127.0.0.1:{port}", $"--Platform:OperatorKey={operatorKey}", "--Telemetry:PrometheusEnabled=true",
    $"--Orleans:SiloPort={FreePort()}", $"--Orleans:GatewayPort={FreePort()}", "--Logging:LogLevel:Default=Warning",
    "--RateLimiting:PermitsPerSecond=1000000", "--RateLimiting:Burst=1000000",
};
var entry = typeof(Platform.Host.Hosting.PlatformMode).Assembly.EntryPoint!;
var hostThread = new Thread(() => entry.Invoke(null, [hostArgs])) { IsBackground = true };
hostThread.Start();

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 })
{
    BaseAddress = new Uri($"http://127.0.0.1:{port}"),
};
await WaitReadyAsync(http);

var tenant = await PostAsync(http, operatorKey, "/partner/v1/tenants", new { name = "Benchmark" });
var key = (await PostAsync(http, operatorKey, $"/partner/v1/tenants/{tenant.GetProperty("id").GetString()}/api-keys", new { })).GetProperty("key").GetString()!;
await PostAsync(http, key, "/v1/phone-numbers", new { phone_number_id = "900000001", display_phone_number = "+1 555 0100", channel = "sandbox" });
var waIds = Enumerable.Range(0, customers).Select(i => (4915100000000L + i).ToString(CultureInfo.InvariantCulture)).ToArray();
await Parallel.ForEachAsync(waIds, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (waId, _) =>
    await PostAsync(http, key, "/v1/sandbox/inbound", new { phone_number_id = "900000001", from = waId, text = "hi" }));
await Task.Delay(TimeSpan.FromSeconds(2));

var sentBefore = await SentAsync(http);
var clock = Stopwatch.StartNew();
var refused = 0;
await Parallel.ForEachAsync(Enumerable.Range(0, messages), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, token) =>
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages")
    {
        Content = JsonContent.Create(new { from = "900000001", to = waIds[i % customers], type = "text", text = new { body = $"Message {i}" } }),
    };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
    using var response = await http.SendAsync(request, token);
    if (response.StatusCode != HttpStatusCode.Accepted)
    {
        Interlocked.Increment(ref refused);
    }
});
var acceptedIn = clock.Elapsed;
double sent;
while ((sent = await SentAsync(http) - sentBefore) < messages - refused && clock.Elapsed < TimeSpan.FromMinutes(5))
{
    await Task.Delay(50);
}

var sentIn = clock.Elapsed;
Console.WriteLine($"messages={messages} customers={customers} concurrency={concurrency} refused={refused}");
Console.WriteLine($"accepted: {(messages - refused) / acceptedIn.TotalSeconds:F0}/s ({acceptedIn.TotalSeconds:F2} s)");
Console.WriteLine($"sent:     {sent / sentIn.TotalSeconds:F0}/s ({sent} in {sentIn.TotalSeconds:F2} s, accepted → sent)");
Console.WriteLine($"working set: {Environment.WorkingSet / (1024 * 1024)} MiB");
return;

static int Arg(int index, int fallback) =>
    Environment.GetCommandLineArgs().Skip(1).ElementAtOrDefault(index) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task WaitReadyAsync(HttpClient http)
{
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (DateTime.UtcNow < deadline)
    {
        try
        {
            if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
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

static async Task<JsonElement> PostAsync(HttpClient http, string key, string path, object body)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
    using var response = await http.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    return response.IsSuccessStatusCode
        ? (text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone())
        : throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
}

static async Task<double> SentAsync(HttpClient http)
{
    var scrape = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
    return Regex.Matches(scrape, @"^platform_messages_sent_total\{[^}]*\} (?<value>[0-9.eE+]+)", RegexOptions.Multiline)
        .Sum(match => double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture));
}
