using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Billing.Tests;

/// <summary>
/// Stripe's API on a loopback port, checking what Stripe checks for the calls billing makes: the bearer key, form-encoded
/// fields, a known meter event name and customer, a whole-number value, a timestamp within the past 35 days (or 5 minutes
/// ahead), identifier uniqueness (a repeat is refused as Stripe does) and idempotency keys (a repeat with the same key and
/// body replays the first answer). It fails on demand: 500, 429, or accepting and then not answering (a timeout mid-push).
/// The catalog calls (meters, products, prices, subscriptions) are in FakeStripe.Catalog.cs.
/// </summary>
public sealed partial class FakeStripe : IAsyncDisposable
{
    public const string ApiKey = "sk_test_fake_stripe_key";

    private readonly ConcurrentDictionary<string, Accepted> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Body, string Response)> _idempotency = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _customers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Failure> _failures = new();
    private readonly Lock _lock = new();
    private WebApplication? _app;
    private int _refusedDuplicates;
    private int _calls;

    /// <summary>A Stripe account whose active meters (summing <c>value</c>) have these event names.</summary>
    public FakeStripe(IEnumerable<string> eventNames)
    {
        foreach (var eventName in eventNames)
        {
            var meter = new Meter(NewId("mtr"), eventName, $"Existing {eventName}", "sum", "active");
            _meters[meter.Id] = meter;
        }
    }

    public enum Failure
    {
        ServerError,
        RateLimited,

        /// <summary>Records the event, then holds the answer until <see cref="HangTime"/> passes: the caller times out.</summary>
        AcceptThenHang,
    }

    /// <summary>The event names of the active meters: the only ones meter events are accepted for.</summary>
    public IReadOnlySet<string> EventNames => _meters.Values.Where(m => m.Status == "active").Select(m => m.EventName).ToHashSet(StringComparer.Ordinal);

    public TimeSpan HangTime { get; set; } = TimeSpan.FromSeconds(5);

    public string Url { get; private set; } = "";

    /// <summary>Tenant id by customer id, for customers made here or registered by the test.</summary>
    public IReadOnlyDictionary<string, string> Customers => _customers;

    public IReadOnlyCollection<Accepted> Events => _events.Values.ToList();

    public int RefusedDuplicates => _refusedDuplicates;

    public int Calls => _calls;

    /// <summary>Fired when an AcceptThenHang failure has recorded its event (the moment to kill a client).</summary>
    public event Action<Accepted>? AcceptedAndHanging;

    public void FailNext(Failure failure, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue(failure);
        }
    }

    public string AddCustomer(string tenantId)
    {
        var id = $"cus_{Guid.NewGuid():N}"[..18];
        _customers[id] = tenantId;
        return id;
    }

    /// <summary>Accepted value per tenant and event name.</summary>
    public IReadOnlyDictionary<(string Tenant, string EventName), long> Sums() => _events.Values
        .GroupBy(e => (_customers.TryGetValue(e.Customer, out var tenant) ? tenant : e.Customer, e.EventName))
        .ToDictionary(g => g.Key, g => g.Sum(e => e.Value));

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/billing/meter_events", (Delegate)MeterEventAsync);
        _app.MapPost("/v1/customers", (Delegate)CustomerAsync);
        _app.MapGet("/v1/invoices", Invoices);
        MapCatalog(_app);
        await _app.StartAsync();
        Url = _app.Urls.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> MeterEventAsync(HttpContext context)
    {
        Interlocked.Increment(ref _calls);
        if (Authenticate(context) is { } unauthorized)
        {
            return unauthorized;
        }

        if (!context.Request.HasFormContentType)
        {
            return Error(400, "invalid_request_error", null, "Content-Type must be application/x-www-form-urlencoded.");
        }

        var form = await context.Request.ReadFormAsync();
        var body = string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 0 && _idempotency.TryGetValue(key, out var earlier))
        {
            return earlier.Body == body
                ? Results.Text(earlier.Response, "application/json", statusCode: 200)
                : Error(400, "idempotency_error", null, "Keys for idempotent requests can only be used with the same parameters they were first used with.");
        }

        Failure? failure = _failures.TryDequeue(out var next) ? next : null;
        if (failure == Failure.ServerError)
        {
            return Error(500, "api_error", null, "An unexpected error occurred.");
        }

        if (failure == Failure.RateLimited)
        {
            context.Response.Headers.RetryAfter = "0";
            return Error(429, "rate_limit_error", null, "Too many requests.");
        }

        var eventName = form["event_name"].ToString();
        var identifier = form["identifier"].ToString();
        var customer = form["payload[stripe_customer_id]"].ToString();
        var valueText = form["payload[value]"].ToString();
        if (!EventNames.Contains(eventName))
        {
            return Error(400, "invalid_request_error", "event_name", $"No active meter was found for event_name {eventName}.");
        }

        if (!_customers.ContainsKey(customer))
        {
            return Error(400, "invalid_request_error", "payload[stripe_customer_id]", $"No such customer: '{customer}'.");
        }

        if (!long.TryParse(valueText, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return Error(400, "invalid_request_error", "payload[value]", "The value must be a whole number.");
        }

        if (identifier.Length is 0 or > 100)
        {
            return Error(400, "invalid_request_error", "identifier", "An identifier of 1 to 100 characters is required here.");
        }

        var now = DateTimeOffset.UtcNow;
        if (!long.TryParse(form["timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || DateTimeOffset.FromUnixTimeSeconds(unix) < now.AddDays(-35) || DateTimeOffset.FromUnixTimeSeconds(unix) > now.AddMinutes(5))
        {
            return Error(400, "invalid_request_error", "timestamp", "Timestamp must be within the past 35 days and not more than 5 minutes in the future.");
        }

        var accepted = new Accepted(identifier, eventName, customer, value, DateTimeOffset.FromUnixTimeSeconds(unix), now);
        lock (_lock)
        {
            if (!_events.TryAdd(identifier, accepted))
            {
                Interlocked.Increment(ref _refusedDuplicates);
                return Error(400, "invalid_request_error", "identifier", $"An event already exists with identifier {identifier}.", "resource_already_exists");
            }
        }

        var response = new JsonObject
        {
            ["object"] = "billing.meter_event",
            ["created"] = now.ToUnixTimeSeconds(),
            ["event_name"] = eventName,
            ["identifier"] = identifier,
            ["livemode"] = false,
            ["payload"] = new JsonObject { ["stripe_customer_id"] = customer, ["value"] = valueText },
            ["timestamp"] = unix,
        }.ToJsonString();
        if (key.Length > 0)
        {
            _idempotency[key] = (body, response);
        }

        if (failure == Failure.AcceptThenHang)
        {
            AcceptedAndHanging?.Invoke(accepted);
            await Task.Delay(HangTime, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return Results.Text(response, "application/json");
    }

    private async Task<IResult> CustomerAsync(HttpContext context)
    {
        if (Authenticate(context) is { } unauthorized)
        {
            return unauthorized;
        }

        var form = await context.Request.ReadFormAsync();
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 0 && _idempotency.TryGetValue(key, out var earlier))
        {
            return Results.Text(earlier.Response, "application/json");
        }

        var id = AddCustomer(form["metadata[tenant_id]"].ToString());
        var response = new JsonObject { ["id"] = id, ["object"] = "customer", ["name"] = form["name"].ToString() }.ToJsonString();
        if (key.Length > 0)
        {
            _idempotency[key] = ("", response);
        }

        return Results.Text(response, "application/json");
    }

    private IResult Invoices(HttpContext context)
    {
        if (Authenticate(context) is { } unauthorized)
        {
            return unauthorized;
        }

        var customer = context.Request.Query["customer"].ToString();
        var data = new JsonArray();
        if (_customers.ContainsKey(customer))
        {
            data.Add(new JsonObject
            {
                ["id"] = "in_fake_1",
                ["object"] = "invoice",
                ["number"] = "FAKE-0001",
                ["status"] = "open",
                ["currency"] = "usd",
                ["total"] = 1234,
                ["customer"] = customer,
                ["period_start"] = 1_761_955_200,
                ["period_end"] = 1_764_547_200,
                ["hosted_invoice_url"] = "https://invoice.example/fake-0001",
            });
        }

        return Results.Text(new JsonObject { ["object"] = "list", ["data"] = data, ["has_more"] = false, ["url"] = "/v1/invoices" }.ToJsonString(), "application/json");
    }

    private static IResult? Authenticate(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() == $"Bearer {ApiKey}"
            ? null
            : Error(401, "invalid_request_error", null, "Invalid API Key provided.");

    private static IResult Error(int status, string type, string? param, string message, string? code = null) => Results.Text(
        JsonSerializer.Serialize(new { error = new { type, param, message, code } }),
        "application/json",
        statusCode: status);

    /// <summary>A meter event Stripe would hold.</summary>
    public sealed record Accepted(string Identifier, string EventName, string Customer, long Value, DateTimeOffset Timestamp, DateTimeOffset ReceivedAt);
}
