using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Testing;

/// <summary>A tenant's webhook server on a free loopback port: records every delivery it receives.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public IReadOnlyCollection<ReceivedWebhook> Received => _received;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _received.Enqueue(new ReceivedWebhook(headers, body, JsonDocument.Parse(body).RootElement.Clone()));
            return Results.Ok();
        });
        await _app.StartAsync();
        Url = $"{_app.Urls.First()}/hook";
    }

    /// <summary>The first delivery that matches, waiting until <paramref name="timeout"/> at most.</summary>
    public Task<ReceivedWebhook> WaitForAsync(Func<ReceivedWebhook, bool> match, TimeSpan? timeout = null) =>
        Eventually.GetAsync(() => _received.FirstOrDefault(match), timeout);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
