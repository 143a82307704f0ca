using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging.Tests;

/// <summary>
/// Meta's Graph API send endpoint on a free loopback port, checking what Meta checks: the number's bearer token (401, code
/// 190), the path, and the body's shape (400, code 100). It answers Meta's success shape, or the errors a test queues for a
/// recipient, and records every request it accepted.
/// </summary>
public sealed class FakeGraphApi : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly ConcurrentDictionary<string, string> _waIds = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body)>> _scripted = new();
    private readonly ConcurrentQueue<GraphRequest> _sent = new();
    private readonly ConcurrentDictionary<string, int> _refused = new();
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    /// <summary>Requests that passed Meta's checks, in the order they arrived.</summary>
    public IReadOnlyCollection<GraphRequest> Sent => _sent;

    public void AddNumber(string phoneNumberId, string token) => _tokens[phoneNumberId] = token;

    /// <summary>Meta knows the person dialled as <paramref name="input"/> by <paramref name="waId"/> (Brazil's ninth digit, Mexico's 521).</summary>
    public void MapWaId(string input, string waId) => _waIds[input] = waId;

    /// <summary>The next <paramref name="times"/> sends to <paramref name="to"/> get Meta's error <paramref name="code"/>.</summary>
    public void Fail(string to, int code, int httpStatus = 400, int times = 1)
    {
        var body = JsonSerializer.Serialize(new
        {
            error = new
            {
                message = $"(#{code}) Scripted error",
                type = "OAuthException",
                code,
                error_data = new { messaging_product = "whatsapp", details = $"Scripted error {code}" },
                fbtrace_id = "AbCdEf",
            },
        });
        var queue = _scripted.GetOrAdd(to, _ => new ConcurrentQueue<(int, string)>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue((httpStatus, body));
        }
    }

    /// <summary>Meta is well again for <paramref name="to"/>: the errors still queued for it are dropped.</summary>
    public void Recover(string to) => _scripted.TryRemove(to, out _);

    /// <summary>How many sends to <paramref name="to"/> were refused with a queued error.</summary>
    public int RefusedCount(string to) => _refused.GetValueOrDefault(to);

    public IEnumerable<GraphRequest> SentTo(string to) => _sent.Where(request => request.Body.GetProperty("to").GetString() == to);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{version}/{phoneNumberId}/messages", Handle);
        MapOnboarding(_app);
        await _app.StartAsync();
        Url = _app.Urls.First();
    }

    private async Task<IResult> Handle(string version, string phoneNumberId, HttpContext context)
    {
        if (!version.StartsWith('v') || !_tokens.TryGetValue(phoneNumberId, out var token))
        {
            return Error(400, 100, $"Unsupported post request. Object with ID '{phoneNumberId}' does not exist");
        }

        if (context.Request.Headers.Authorization.ToString() != $"Bearer {token}")
        {
            return Error(401, 190, "Invalid OAuth access token - Cannot parse access token");
        }

        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement.Clone();
        }
        catch (JsonException)
        {
            return Error(400, 100, "Invalid parameter");
        }

        if (ShapeProblem(body) is { } problem)
        {
            return Error(400, 100, problem);
        }

        var to = body.GetProperty("to").GetString()!;
        if (_scripted.TryGetValue(to, out var queue) && queue.TryDequeue(out var scripted))
        {
            _refused.AddOrUpdate(to, 1, (_, count) => count + 1);
            return Results.Content(scripted.Body, "application/json", statusCode: scripted.Status);
        }

        _sent.Enqueue(new GraphRequest(phoneNumberId, body));
        return Results.Json(new
        {
            messaging_product = "whatsapp",
            contacts = new[] { new { input = to, wa_id = _waIds.GetValueOrDefault(to, to) } },
            messages = new[] { new { id = "wamid.FAKE" + Guid.NewGuid().ToString("N") } },
        });
    }

    // What registering a cloud_api number and submitting a template ask of Meta, so a host in another process can onboard a
    // number through the public API: the number's details, its registration, the app's subscription, template review.
    private void MapOnboarding(WebApplication app)
    {
        bool Authorized(HttpContext context) => _tokens.Values.Any(token => context.Request.Headers.Authorization.ToString() == $"Bearer {token}");
        app.MapGet("/{version}/{phoneNumberId}", (string phoneNumberId, HttpContext context) => Authorized(context)
            ? Results.Json(new { id = phoneNumberId, display_phone_number = "+1 555-0100", verified_name = "Acme", quality_rating = "GREEN" })
            : Error(401, 190, "Invalid OAuth access token"));
        app.MapPost("/{version}/{phoneNumberId}/register", (HttpContext context) => Authorized(context) ? Results.Json(new { success = true }) : Error(401, 190, "Invalid OAuth access token"));
        app.MapPost("/{version}/{wabaId}/subscribed_apps", (HttpContext context) => Authorized(context) ? Results.Json(new { success = true }) : Error(401, 190, "Invalid OAuth access token"));
        app.MapPost("/{version}/{wabaId}/message_templates", (HttpContext context) => Authorized(context)
            ? Results.Json(new { id = Guid.NewGuid().ToString("N"), status = "APPROVED", category = "UTILITY" })
            : Error(401, 190, "Invalid OAuth access token"));
    }

    private static string? ShapeProblem(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("messaging_product", out var product) || product.GetString() != "whatsapp")
        {
            return "messaging_product must be whatsapp";
        }

        if (!body.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.String || !to.GetString()!.All(char.IsAsciiDigit))
        {
            return "to must be the recipient's number";
        }

        if (!body.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !body.TryGetProperty(type.GetString()!, out _))
        {
            return "the type's object is missing";
        }

        return null;
    }

    private static IResult Error(int status, int code, string message) => Results.Json(
        new { error = new { message = $"(#{code}) {message}", type = "OAuthException", code, fbtrace_id = "AbCdEf" } },
        statusCode: status);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
