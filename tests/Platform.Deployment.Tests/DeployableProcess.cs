using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Platform.Testing;

namespace Platform.Deployment.Tests;

/// <summary>
/// A deployable (Platform.Host or Platform.Billing) as its own process, configured only through environment variables,
/// as a pod is. Stopping sends SIGTERM, as the kubelet does.
/// </summary>
public sealed class DeployableProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private DeployableProcess(Process process, Uri address)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }

    public string Log => string.Join(Environment.NewLine, _log);

    /// <summary>Starts the project's built assembly with exactly <paramref name="environment"/> on top of this process's own.</summary>
    public static async Task<DeployableProcess> StartAsync(string project, IReadOnlyDictionary<string, string> environment)
    {
        var assembly = BuiltAssembly(project);
        var start = new ProcessStartInfo("dotnet", ["exec", assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var port = int.Parse(environment["ASPNETCORE_HTTP_PORTS"], CultureInfo.InvariantCulture);
        var deployable = new DeployableProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        deployable._process.OutputDataReceived += (_, line) => deployable._log.Enqueue(line.Data ?? "");
        deployable._process.ErrorDataReceived += (_, line) => deployable._log.Enqueue(line.Data ?? "");
        deployable._process.BeginOutputReadLine();
        deployable._process.BeginErrorReadLine();
        await deployable.WaitUntilReadyAsync();
        return deployable;
    }

    /// <summary>SIGTERM, then how long the process took to exit (null when it did not within <paramref name="grace"/>).</summary>
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
                    throw new InvalidOperationException($"The process exited with {_process.ExitCode}.");
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
            throw new InvalidOperationException($"It did not become ready: {exception.Message}{Environment.NewLine}{Log}", exception);
        }
    }

    /// <summary>The assembly built next to these tests: src/&lt;project&gt;/bin/&lt;configuration&gt;/net10.0.</summary>
    private static string BuiltAssembly(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(Repository.Source(project), "bin", output.Parent!.Name, output.Name, $"{project}.dll");
    }
}
