using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Testing;

/// <summary>
/// A tenant's webhook server whose answers a test scripts per path: each request to <c>/{path}</c> takes the next scripted
/// answer (a status code, optionally after a delay), and 200 once the script is used up. Every request is recorded, failed
/// ones included, with the time it arrived.
/// </summary>
public sealed class ScriptedWebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, TimeSpan Delay)>> _scripts = new();
    private readonly ConcurrentQueue<ScriptedRequest> _requests = new();
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyCollection<ScriptedRequest> Requests => _requests;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{path}", async (string path, HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var (status, delay) = _scripts.TryGetValue(path, out var script) && script.TryDequeue(out var next) ? next : (200, TimeSpan.Zero);
            _requests.Enqueue(new ScriptedRequest(path, headers, buffer.ToArray(), Encoding.UTF8.GetString(buffer.ToArray()), status, DateTimeOffset.UtcNow));
            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return Results.Empty;
                }
            }

            return Results.StatusCode(status);
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First();
    }

    /// <summary>A fresh path for one test's endpoint, with the answers its first requests get.</summary>
    public string Endpoint(params (int Status, TimeSpan Delay)[] answers)
    {
        var path = Guid.NewGuid().ToString("N");
        _scripts[path] = new ConcurrentQueue<(int, TimeSpan)>(answers);
        return $"{BaseUrl}/{path}";
    }

    /// <summary>Answers the next requests to <paramref name="url"/> with these (after what was scripted before).</summary>
    public void Then(string url, params (int Status, TimeSpan Delay)[] answers)
    {
        var script = _scripts[url[(url.LastIndexOf('/') + 1)..]];
        foreach (var answer in answers)
        {
            script.Enqueue(answer);
        }
    }

    /// <summary>Drops what is left of the script for <paramref name="url"/>: from now on it answers 200.</summary>
    public void Recover(string url) => _scripts[url[(url.LastIndexOf('/') + 1)..]].Clear();

    public IReadOnlyList<ScriptedRequest> To(string url) => [.. _requests.Where(request => url.EndsWith("/" + request.Path, StringComparison.Ordinal))];

    /// <summary>Waits until requests to <paramref name="url"/> match, then returns them all.</summary>
    public Task<IReadOnlyList<ScriptedRequest>> WaitForAsync(string url, Func<IReadOnlyList<ScriptedRequest>, bool> done, TimeSpan? timeout = null) =>
        Eventually.GetAsync(() => To(url) is var requests && done(requests) ? requests : null, timeout);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
