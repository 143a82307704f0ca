using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.Billing.Tests;

/// <summary>
/// The catalog half of the fake: Billing Meters, products, prices and subscriptions, checked as Stripe checks them (bearer
/// key, form fields, an active meter for a metered price and no meter on a licensed one, no quantity on metered items, one
/// currency per subscription, known customers and prices), with idempotency keys replaying the first object and refusing
/// a key reused with other parameters.
/// </summary>
public sealed partial class FakeStripe
{
    private static readonly string[] Intervals = ["day", "week", "month", "year"];
    private readonly ConcurrentDictionary<string, Meter> _meters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _products = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Price> _prices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Failure>> _pathFailures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _inFlight = new(StringComparer.Ordinal);
    private int _sequence;

    public IReadOnlyCollection<Meter> Meters => _meters.Values.ToList();

    /// <summary>Product name by id.</summary>
    public IReadOnlyDictionary<string, string> Products => _products;

    public IReadOnlyCollection<Price> Prices => _prices.Values.ToList();

    public IReadOnlyCollection<Subscription> Subscriptions => _subscriptions.Values.ToList();

    /// <summary>Fails the next call to <paramref name="path"/> (such as <c>/v1/subscriptions</c>) after idempotency is checked.</summary>
    public void FailNextOn(string path, Failure failure) => _pathFailures.GetOrAdd(path, _ => new ConcurrentQueue<Failure>()).Enqueue(failure);

    /// <summary>A price the operator made in Stripe by hand: metered on the meter of <paramref name="meterEventName"/>, or licensed.</summary>
    public string AddPrice(string currency, string? meterEventName, decimal unitAmountDecimal)
    {
        var product = _products.FirstOrDefault(p => p.Value == "Operator's own product").Key;
        if (product is null)
        {
            product = NewId("prod");
            _products[product] = "Operator's own product";
        }

        var meter = meterEventName is null ? null : _meters.Values.Single(m => m.EventName == meterEventName && m.Status == "active").Id;
        var price = new Price(NewId("price"), product, currency, null, unitAmountDecimal, "month", meter is null ? "licensed" : "metered", meter, new Dictionary<string, string>());
        _prices[price.Id] = price;
        return price.Id;
    }

    private void MapCatalog(WebApplication app)
    {
        app.MapGet("/v1/billing/meters", ListMeters);
        app.MapPost("/v1/billing/meters", (Delegate)((HttpContext context) => CreateAsync(context, CreateMeter)));
        app.MapPost("/v1/products", (Delegate)((HttpContext context) => CreateAsync(context, CreateProduct)));
        app.MapPost("/v1/prices", (Delegate)((HttpContext context) => CreateAsync(context, CreatePrice)));
        app.MapPost("/v1/subscriptions", (Delegate)((HttpContext context) => CreateAsync(context, CreateSubscription)));
        app.MapGet("/v1/subscriptions", ListSubscriptions);
        app.MapGet("/v1/subscriptions/{id}", GetSubscription);
        app.MapPost("/v1/subscriptions/{id}", (Delegate)((HttpContext context) => CreateAsync(context, form => UpdateSubscription((string)context.Request.RouteValues["id"]!, form))));
    }

    private IResult ListMeters(HttpContext context)
    {
        if (Authenticate(context) is { } unauthorized)
        {
            return unauthorized;
        }

        var status = context.Request.Query["status"].ToString();
        var data = new JsonArray([.. _meters.Values.Where(m => status.Length == 0 || m.Status == status).OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => (JsonNode)m.Json())]);
        return Json(new JsonObject { ["object"] = "list", ["data"] = data, ["has_more"] = false, ["url"] = "/v1/billing/meters" });
    }

    private IResult ListSubscriptions(HttpContext context)
    {
        if (Authenticate(context) is { } unauthorized)
        {
            return unauthorized;
        }

        var customer = context.Request.Query["customer"].ToString();
        var data = new JsonArray([.. _subscriptions.Values.Where(s => (customer.Length == 0 || s.Customer == customer) && s.Status != "canceled").OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => (JsonNode)SubscriptionJson(s))]);
        return Json(new JsonObject { ["object"] = "list", ["data"] = data, ["has_more"] = false, ["url"] = "/v1/subscriptions" });
    }

    /// <summary>The operator cancels a subscription in Stripe's dashboard.</summary>
    public void Cancel(string subscriptionId) => _subscriptions[subscriptionId] = _subscriptions[subscriptionId] with { Status = "canceled" };

    /// <summary>What Stripe does 24 hours after a request: it no longer knows its idempotency key.</summary>
    public void ForgetIdempotencyKeys() => _idempotency.Clear();

    private IResult GetSubscription(HttpContext context, string id) =>
        Authenticate(context) ?? (_subscriptions.TryGetValue(id, out var subscription)
            ? Json(SubscriptionJson(subscription))
            : Error(404, "invalid_request_error", "id", $"No such subscription: '{id}'", "resource_missing"));

    /// <summary>A POST as Stripe runs it: authenticated, form-encoded, idempotent by key, failing on demand.</summary>
    private async Task<IResult> CreateAsync(HttpContext context, Func<IFormCollection, (JsonObject? Created, IResult? Refused)> create)
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
        var body = context.Request.Path + "?" + string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 0 && _idempotency.TryGetValue(key, out var earlier))
        {
            return earlier.Body == body
                ? Results.Text(earlier.Response, "application/json", statusCode: 200)
                : Error(400, "idempotency_error", null, "Keys for idempotent requests can only be used with the same parameters they were first used with.");
        }

        if (key.Length > 0 && !_inFlight.TryAdd(key, true))
        {
            return Error(409, "idempotency_error", null, "There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through).");
        }

        string response;
        try
        {
            var failure = _pathFailures.TryGetValue(context.Request.Path, out var queue) && queue.TryDequeue(out var next) ? next : (Failure?)null;
            if (failure == Failure.ServerError)
            {
                return Error(500, "api_error", null, "An unexpected error occurred.");
            }

            (JsonObject? Created, IResult? Refused) outcome;
            lock (_lock)
            {
                outcome = create(form);
            }

            if (outcome.Refused is { } refused)
            {
                return refused;
            }

            response = outcome.Created!.ToJsonString();
            if (key.Length > 0)
            {
                _idempotency[key] = (body, response);
            }

            if (failure != Failure.AcceptThenHang)
            {
                return Results.Text(response, "application/json");
            }
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }

        // Done at Stripe; the answer is what never arrives in time.
        await Task.Delay(HangTime, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        return Results.Text(response, "application/json");
    }

    private (JsonObject?, IResult?) CreateMeter(IFormCollection form)
    {
        var eventName = form["event_name"].ToString();
        var formula = form["default_aggregation[formula]"].ToString();
        if (form["display_name"].ToString().Length == 0 || eventName.Length == 0)
        {
            return Refuse("display_name", "Missing required param: display_name and event_name.");
        }

        if (formula is not ("sum" or "count" or "last"))
        {
            return Refuse("default_aggregation[formula]", "Invalid default_aggregation[formula]: must be one of count, last or sum.");
        }

        if (form["value_settings[event_payload_key]"].ToString().Length == 0 && formula != "count")
        {
            return Refuse("value_settings[event_payload_key]", "A value key is required for sum and last meters.");
        }

        if (form["customer_mapping[type]"] is { Count: > 0 } mapping && (mapping.ToString() != "by_id" || form["customer_mapping[event_payload_key]"].ToString().Length == 0))
        {
            return Refuse("customer_mapping", "customer_mapping needs type by_id and an event_payload_key.");
        }

        if (_meters.Values.Any(m => m.Status == "active" && m.EventName == eventName))
        {
            return Refuse("event_name", $"An active meter with event_name {eventName} already exists.", "resource_already_exists");
        }

        var meter = new Meter(NewId("mtr"), eventName, form["display_name"].ToString(), formula, "active");
        _meters[meter.Id] = meter;
        return (meter.Json(), null);
    }

    private (JsonObject?, IResult?) CreateProduct(IFormCollection form)
    {
        if (form["name"].ToString().Length == 0)
        {
            return Refuse("name", "Missing required param: name.");
        }

        var id = NewId("prod");
        _products[id] = form["name"].ToString();
        return (new JsonObject { ["id"] = id, ["object"] = "product", ["name"] = form["name"].ToString(), ["active"] = true, ["metadata"] = Dictionary(Metadata(form)) }, null);
    }

    private (JsonObject?, IResult?) CreatePrice(IFormCollection form)
    {
        var currency = form["currency"].ToString();
        var product = form["product"].ToString();
        var interval = form["recurring[interval]"].ToString();
        var usageType = form["recurring[usage_type]"].ToString() is { Length: > 0 } usage ? usage : "licensed";
        var meter = form["recurring[meter]"].ToString();
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterLower))
        {
            return Refuse("currency", $"Invalid currency: {currency}.");
        }

        if (!_products.ContainsKey(product))
        {
            return Refuse("product", $"No such product: '{product}'", "resource_missing");
        }

        var hasAmount = long.TryParse(form["unit_amount"], NumberStyles.None, CultureInfo.InvariantCulture, out var unitAmount);
        var hasDecimal = decimal.TryParse(form["unit_amount_decimal"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var unitAmountDecimal);
        if (hasAmount == hasDecimal || (hasDecimal && unitAmountDecimal.Scale > 12))
        {
            return Refuse("unit_amount", "Exactly one of unit_amount and unit_amount_decimal (at most 12 decimal places) is required.");
        }

        if (!Intervals.Contains(interval))
        {
            return Refuse("recurring[interval]", "A recurring price needs recurring[interval] (day, week, month or year).");
        }

        if (usageType == "metered" && !(_meters.TryGetValue(meter, out var found) && found.Status == "active"))
        {
            return Refuse("recurring[meter]", meter.Length == 0 ? "Metered prices must be backed by a meter: set recurring[meter]." : $"No such meter: '{meter}'", "resource_missing");
        }

        if (usageType == "licensed" && meter.Length > 0)
        {
            return Refuse("recurring[meter]", "recurring[meter] can only be set on metered prices.");
        }

        var price = new Price(NewId("price"), product, currency, hasAmount ? unitAmount : null, hasDecimal ? unitAmountDecimal : null, interval, usageType, meter.Length > 0 ? meter : null, Metadata(form));
        _prices[price.Id] = price;
        return (price.Json(), null);
    }

    private (JsonObject?, IResult?) CreateSubscription(IFormCollection form)
    {
        var customer = form["customer"].ToString();
        if (!_customers.ContainsKey(customer))
        {
            return Refuse("customer", $"No such customer: '{customer}'", "resource_missing");
        }

        if (form["collection_method"].ToString() == "send_invoice" && form["days_until_due"].ToString().Length == 0)
        {
            return Refuse("days_until_due", "days_until_due is required when collection_method is send_invoice.");
        }

        var items = new List<Item>();
        foreach (var fields in Indexed(form, "items"))
        {
            if (NewItem(fields, items) is { } refused)
            {
                return (null, refused);
            }
        }

        if (items.Count == 0)
        {
            return Refuse("items", "Missing required param: items.");
        }

        if (CheckItems(items) is { } invalid)
        {
            return (null, invalid);
        }

        var subscription = new Subscription(NewId("sub"), customer, form["collection_method"].ToString(), items, Metadata(form));
        _subscriptions[subscription.Id] = subscription;
        return (SubscriptionJson(subscription), null);
    }

    private (JsonObject?, IResult?) UpdateSubscription(string id, IFormCollection form)
    {
        if (!_subscriptions.TryGetValue(id, out var subscription))
        {
            return Refuse("id", $"No such subscription: '{id}'", "resource_missing");
        }

        if (subscription.Status == "canceled")
        {
            return Refuse("id", "A canceled subscription can only update its cancellation_details and metadata.");
        }

        var items = subscription.Items.ToList();
        foreach (var fields in Indexed(form, "items"))
        {
            if (fields.TryGetValue("id", out var itemId))
            {
                var index = items.FindIndex(i => i.Id == itemId);
                if (index < 0)
                {
                    return Refuse("items", $"No such subscription item: '{itemId}'", "resource_missing");
                }

                if (fields.GetValueOrDefault("deleted") == "true")
                {
                    items.RemoveAt(index);
                }
            }
            else if (NewItem(fields, items) is { } refused)
            {
                return (null, refused);
            }
        }

        if (items.Count == 0)
        {
            return Refuse("items", "A subscription needs at least one item.");
        }

        if (CheckItems(items) is { } invalid)
        {
            return (null, invalid);
        }

        if (_prices[items[0].Price].Currency != _prices[subscription.Items[0].Price].Currency)
        {
            return Refuse("items", "All prices on a subscription must have the same currency: a subscription's currency cannot change.");
        }

        var metadata = Metadata(form);
        var updated = subscription with { Items = items, Metadata = metadata.Count > 0 ? metadata : subscription.Metadata };
        _subscriptions[id] = updated;
        return (SubscriptionJson(updated), null);
    }

    private IResult? NewItem(Dictionary<string, string> fields, List<Item> items)
    {
        if (!fields.TryGetValue("price", out var priceId) || !_prices.TryGetValue(priceId, out var price))
        {
            return Error(400, "invalid_request_error", "items[price]", $"No such price: '{fields.GetValueOrDefault("price")}'", "resource_missing");
        }

        long? quantity = fields.TryGetValue("quantity", out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : null;
        if (price.UsageType == "metered" && quantity is not null)
        {
            return Error(400, "invalid_request_error", "items[quantity]", "Quantity should not be specified where usage_type is `metered`.");
        }

        items.Add(new Item(NewId("si"), priceId, price.UsageType == "metered" ? null : quantity ?? 1));
        return null;
    }

    private IResult? CheckItems(List<Item> items)
    {
        var prices = items.Select(item => _prices[item.Price]).ToList();
        if (prices.Select(p => p.Currency).Distinct().Count() > 1)
        {
            return Error(400, "invalid_request_error", "items", "All prices on a subscription must have the same currency.");
        }

        return items.Select(i => i.Price).Distinct().Count() < items.Count
            ? Error(400, "invalid_request_error", "items", "Cannot add multiple subscription items with the same price.")
            : null;
    }

    private JsonObject SubscriptionJson(Subscription subscription) => new()
    {
        ["id"] = subscription.Id,
        ["object"] = "subscription",
        ["customer"] = subscription.Customer,
        ["status"] = subscription.Status,
        ["collection_method"] = subscription.CollectionMethod,
        ["currency"] = _prices[subscription.Items[0].Price].Currency,
        ["metadata"] = Dictionary(subscription.Metadata),
        ["items"] = new JsonObject
        {
            ["object"] = "list",
            ["has_more"] = false,
            ["url"] = $"/v1/subscription_items?subscription={subscription.Id}",
            ["data"] = new JsonArray([.. subscription.Items.Select(item => (JsonNode)ItemJson(subscription, item))]),
        },
    };

    // Stripe leaves quantity out of metered items: the meter is their quantity.
    private JsonObject ItemJson(Subscription subscription, Item item)
    {
        var json = new JsonObject
        {
                ["id"] = item.Id,
                ["object"] = "subscription_item",
                ["subscription"] = subscription.Id,
            ["price"] = _prices[item.Price].Json(),
        };
        if (item.Quantity is { } quantity)
        {
            json["quantity"] = quantity;
        }

        return json;
    }

    private static List<Dictionary<string, string>> Indexed(IFormCollection form, string name)
    {
        var entries = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (key, value) in form)
        {
            // name[3][field]
            if (key.StartsWith(name + "[", StringComparison.Ordinal) && key.Split('[', ']') is [_, var index, "", var field, ""])
            {
                var at = int.Parse(index, CultureInfo.InvariantCulture);
                (entries.TryGetValue(at, out var fields) ? fields : entries[at] = new Dictionary<string, string>(StringComparer.Ordinal))[field] = value.ToString();
            }
        }

        return [.. entries.Values];
    }

    private static Dictionary<string, string> Metadata(IFormCollection form) => form
        .Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
        .ToDictionary(f => f.Key["metadata[".Length..^1], f => f.Value.ToString(), StringComparer.Ordinal);

    private static JsonObject Dictionary(IReadOnlyDictionary<string, string> values) =>
        new([.. values.Select(v => new KeyValuePair<string, JsonNode?>(v.Key, v.Value))]);

    private static (JsonObject?, IResult?) Refuse(string param, string message, string? code = null) =>
        (null, Error(400, "invalid_request_error", param, message, code));

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");

    private string NewId(string prefix) => FormattableString.Invariant($"{prefix}_fake{Interlocked.Increment(ref _sequence):D6}");

    /// <summary>A Billing Meter.</summary>
    public sealed record Meter(string Id, string EventName, string DisplayName, string Formula, string Status)
    {
        public JsonObject Json() => new()
        {
            ["id"] = Id,
            ["object"] = "billing.meter",
            ["event_name"] = EventName,
            ["display_name"] = DisplayName,
            ["status"] = Status,
            ["default_aggregation"] = new JsonObject { ["formula"] = Formula },
            ["customer_mapping"] = new JsonObject { ["type"] = "by_id", ["event_payload_key"] = "stripe_customer_id" },
            ["value_settings"] = new JsonObject { ["event_payload_key"] = "value" },
        };
    }

    /// <summary>A recurring price.</summary>
    public sealed record Price(
        string Id, string Product, string Currency, long? UnitAmount, decimal? UnitAmountDecimal, string Interval, string UsageType, string? Meter,
        IReadOnlyDictionary<string, string> Metadata)
    {
        public JsonObject Json() => new()
        {
            ["id"] = Id,
            ["object"] = "price",
            ["active"] = true,
            ["currency"] = Currency,
            ["product"] = Product,
            ["type"] = "recurring",
            ["billing_scheme"] = "per_unit",
            ["unit_amount"] = UnitAmount,
            ["unit_amount_decimal"] = (UnitAmountDecimal ?? UnitAmount)?.ToString(CultureInfo.InvariantCulture),
            ["recurring"] = new JsonObject { ["interval"] = Interval, ["interval_count"] = 1, ["usage_type"] = UsageType, ["meter"] = Meter },
            ["metadata"] = Dictionary(Metadata),
        };
    }

    /// <summary>One item of a subscription: a price and, for a licensed one, its quantity.</summary>
    public sealed record Item(string Id, string Price, long? Quantity);

    /// <summary>A subscription and its items.</summary>
    public sealed record Subscription(string Id, string Customer, string CollectionMethod, IReadOnlyList<Item> Items, IReadOnlyDictionary<string, string> Metadata)
    {
        public string Status { get; init; } = "active";
    }
}
