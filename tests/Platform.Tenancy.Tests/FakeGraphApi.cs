using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Tenancy.Tests;

/// <summary>
/// Meta's Graph API as far as onboarding and templates use it, on a free loopback port. It checks what Meta checks: the
/// bearer token must belong to the number or account in the path, the PIN must match, the body must be Meta's shape.
/// Refusals come back in Meta's error format.
/// </summary>
public sealed class FakeGraphApi : IAsyncDisposable
{
    public const string Version = "v23.0";
    public const string AppId = "app-123";
    public const string AppSecret = "app-secret-xyz";

    private readonly ConcurrentDictionary<string, FakeNumber> _numbers = new();
    private readonly ConcurrentDictionary<string, string> _codes = new();
    private readonly ConcurrentQueue<string> _calls = new();
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1");

    /// <summary>Every call as "METHOD /path", in order.</summary>
    public IReadOnlyCollection<string> Calls => _calls;

    public ConcurrentQueue<JsonElement> SubmittedTemplates { get; } = new();

    /// <summary>When set, every call fails with a 500 as Meta does during an outage.</summary>
    public bool Down { get; set; }

    public FakeNumber AddNumber(string token, string pin = "123456")
    {
        var number = new FakeNumber(
            Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "waba" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            token,
            pin,
            "+1 555-" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        _numbers[number.PhoneNumberId] = number;
        return number;
    }

    /// <summary>An Embedded Signup code that exchanges for <paramref name="token"/>.</summary>
    public string AddSignupCode(string token)
    {
        var code = "code-" + Guid.NewGuid().ToString("N");
        _codes[code] = token;
        return code;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            _calls.Enqueue($"{context.Request.Method} {context.Request.Path}");
            if (Down)
            {
                await Error(context, 500, 2, "Service temporarily unavailable");
                return;
            }

            await next();
        });
        _app.MapGet($"/{Version}/oauth/access_token", (HttpContext context) =>
        {
            var query = context.Request.Query;
            return query["client_id"] == AppId && query["client_secret"] == AppSecret && _codes.TryRemove(query["code"].ToString(), out var token)
                ? Results.Json(new { access_token = token, token_type = "bearer" })
                : ErrorResult(400, 100, "Invalid verification code format.");
        });
        _app.MapGet($"/{Version}/{{id}}", (string id, HttpContext context) =>
            Authorize(context, id, byWaba: false) is { } number
                ? Results.Json(new { id, display_phone_number = number.Display, verified_name = "Acme Shop", quality_rating = "GREEN" })
                : ErrorResult(400, 100, $"Unsupported get request. Object with ID '{id}' does not exist or cannot be loaded due to missing permissions."));
        _app.MapPost($"/{Version}/{{id}}/register", async (string id, HttpContext context) =>
        {
            if (Authorize(context, id, byWaba: false) is not { } number)
            {
                return ErrorResult(400, 100, "Object does not exist or missing permissions.");
            }

            var body = await JsonDocument.ParseAsync(context.Request.Body);
            if (body.RootElement.GetProperty("messaging_product").GetString() != "whatsapp")
            {
                return ErrorResult(400, 100, "The parameter messaging_product is required.");
            }

            return body.RootElement.GetProperty("pin").GetString() == number.Pin
                ? Results.Json(new { success = true })
                : ErrorResult(400, 133005, "Two step verification PIN Mismatch");
        });
        _app.MapPost($"/{Version}/{{waba}}/subscribed_apps", (string waba, HttpContext context) =>
            Authorize(context, waba, byWaba: true) is not null ? Results.Json(new { success = true }) : ErrorResult(400, 200, "Permissions error"));
        _app.MapPost($"/{Version}/{{waba}}/message_templates", async (string waba, HttpContext context) =>
        {
            if (Authorize(context, waba, byWaba: true) is null)
            {
                return ErrorResult(400, 200, "Permissions error");
            }

            var body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement.Clone();
            foreach (var field in new[] { "name", "language", "category", "components" })
            {
                if (!body.TryGetProperty(field, out _))
                {
                    return ErrorResult(400, 100, $"The parameter {field} is required.");
                }
            }

            SubmittedTemplates.Enqueue(body);
            return Results.Json(new { id = Random.Shared.NextInt64(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture), status = "PENDING", category = body.GetProperty("category").GetString() });
        });
        _app.MapDelete($"/{Version}/{{waba}}/message_templates", (string waba, HttpContext context) =>
            Authorize(context, waba, byWaba: true) is not null && context.Request.Query.ContainsKey("name")
                ? Results.Json(new { success = true })
                : ErrorResult(400, 200, "Permissions error"));
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private FakeNumber? Authorize(HttpContext context, string id, bool byWaba)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        return _numbers.Values.FirstOrDefault(number => number.Token == token && (byWaba ? number.WabaId == id : number.PhoneNumberId == id));
    }

    private static IResult ErrorResult(int status, int code, string message) =>
        Results.Json(new { error = new { message, type = "OAuthException", code, fbtrace_id = "AbCdEf" } }, statusCode: status);

    private static Task Error(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { message, type = "OAuthException", code, fbtrace_id = "AbCdEf" } });
    }
}
