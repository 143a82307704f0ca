using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Inbound.Tests;

/// <summary>
/// A tenant's server that answers with a body, as real ones do ("maintenance until …"), so the attempt log's response excerpt
/// can be checked: each request takes the next scripted answer, then 200 with <c>ok</c>.
/// </summary>
public sealed class AnsweringReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<(int Status, string Body)> _script = new();
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public static async Task<AnsweringReceiver> StartAsync(params (int Status, string Body)[] answers)
    {
        var receiver = new AnsweringReceiver();
        foreach (var answer in answers)
        {
            receiver._script.Enqueue(answer);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        receiver._app = builder.Build();
        receiver._app.MapPost("/hook", () =>
            receiver._script.TryDequeue(out var next) ? Results.Text(next.Body, "text/plain", statusCode: next.Status) : Results.Text("ok"));
        await receiver._app.StartAsync();
        receiver.Url = receiver._app.Urls.First() + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
