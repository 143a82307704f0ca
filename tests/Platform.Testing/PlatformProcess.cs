using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Platform.Testing;

/// <summary>
/// A deployable (the host, or the billing service) as its own process, configured only through environment variables as
/// Kubernetes would configure it. Stopping sends SIGTERM, so the silo leaves the cluster and the bus closes as in a rolling
/// deployment; killing sends SIGKILL, as when a node fails.
/// </summary>
public sealed class PlatformProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private PlatformProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>Everything the process wrote, for the failure message of a test.</summary>
    public string Log => string.Join(Environment.NewLine, _log);

    /// <summary>The last lines the process wrote (a failing host can write more than fits in one string).</summary>
    public string Tail(int lines) => string.Join(Environment.NewLine, _log.ToArray().TakeLast(lines).Select(line => line.Length > 400 ? line[..400] : line));

    public static Task<PlatformProcess> StartAsync(IReadOnlyDictionary<string, string> environment) =>
        StartAsync("Platform.Host", environment);

    public static async Task<PlatformProcess> StartAsync(string project, IReadOnlyDictionary<string, string> environment)
    {
        // A port the environment names (as the chart does with ASPNETCORE_HTTP_PORTS) is used as it is; otherwise a free one.
        var chartPort = environment.GetValueOrDefault("ASPNETCORE_HTTP_PORTS");
        var address = new Uri($"http://127.0.0.1:{chartPort ?? FreePorts.Next().ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet", ["exec", BuiltAssembly(project)])
        {
            WorkingDirectory = Path.GetDirectoryName(BuiltAssembly(project)),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        if (chartPort is null)
        {
            start.Environment["ASPNETCORE_URLS"] = address.ToString();
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var platform = new PlatformProcess(Process.Start(start)!, address);
        platform._process.OutputDataReceived += (_, line) => platform._log.Enqueue(line.Data ?? "");
        platform._process.ErrorDataReceived += (_, line) => platform._log.Enqueue(line.Data ?? "");
        platform._process.BeginOutputReadLine();
        platform._process.BeginErrorReadLine();
        await platform.WaitUntilReadyAsync();
        return platform;
    }

    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        if (await TerminateAsync(StopTimeout) is null)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The host did not stop within {StopTimeout} of SIGTERM.{Environment.NewLine}{Log}");
        }
    }

    /// <summary>SIGTERM, as the kubelet sends it; then how long the process took to exit, or null when it did not within <paramref name="grace"/>.</summary>
    public async Task<TimeSpan?> TerminateAsync(TimeSpan grace)
    {
        var watch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return watch.Elapsed;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL: the process dies where it stands, as when a node fails; nothing in it gets to clean up.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Http.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        try
        {
            await Eventually.GetAsync(async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The host exited with {_process.ExitCode}.");
                }

                try
                {
                    using var response = await Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    return response.IsSuccessStatusCode ? response.StatusCode.ToString() : null;
                }
                catch (HttpRequestException)
                {
                    return null;
                }
            }, StartTimeout);
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            await DisposeAsync();
            throw new InvalidOperationException($"The host did not become ready: {exception.Message}{Environment.NewLine}{Log}", exception);
        }
    }

    /// <summary>A deployable built next to these tests: src/&lt;project&gt;/bin/&lt;configuration&gt;/net10.0.</summary>
    private static string BuiltAssembly(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var root = output;
        while (!File.Exists(Path.Combine(root.FullName, "Platform.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("Platform.sln not found above the test output.");
        }

        return Path.Combine(root.FullName, "src", project, "bin", configuration, output.Name, $"{project}.dll");
    }
}
