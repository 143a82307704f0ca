using System.Net;
using System.Text.Json;
using Platform.Billing.Pricing;
using Platform.Testing;

namespace Platform.Billing.Tests;

/// <summary>
/// With Stripe on, the platform sets Stripe up itself: one meter per category, a product and prices per plan version, and
/// a subscription per tenant on its plan's prices; or it bills with prices the operator already has.
/// </summary>
[Collection(EmbeddedBillingGroup.Name)]
public sealed class Billing_plans_in_Stripe(EmbeddedBilling platform)
{
    [Fact]
    public async Task Should_create_a_product_and_prices_on_one_summing_meter_per_category_when_a_plan_is_created()
    {
        var planId = NewPlanId();
        var plan = await platform.Operator.PostAsync("/partner/v1/price-plans", PlanBody(planId, "49.00"), HttpStatusCode.Created);

        var stripe = plan.GetProperty("stripe");
        Assert.Equal(("synced", 1), (stripe.GetProperty("status").GetString(), stripe.GetProperty("prices_version").GetInt32()));
        var meters = platform.Stripe.Meters.Where(m => m.Status == "active").ToList();
        Assert.Equal(MessageCategories.All.Select(c => $"whatsapp_{c}").Order(StringComparer.Ordinal), meters.Select(m => m.EventName).Order(StringComparer.Ordinal));
        Assert.All(meters, meter => Assert.Equal("sum", meter.Formula));
        Assert.Equal("Existing whatsapp_marketing", meters.Single(m => m.EventName == "whatsapp_marketing").DisplayName);

        var productId = stripe.GetProperty("product_id").GetString()!;
        Assert.Equal("Growth", platform.Stripe.Products[productId]);
        foreach (var category in MessageCategories.All)
        {
            var price = platform.Stripe.Prices.Single(p => p.Id == stripe.GetProperty("metered_price_ids").GetProperty(category).GetString());
            Assert.Equal(
                (productId, "eur", 0.01m, "month", "metered", meters.Single(m => m.EventName == $"whatsapp_{category}").Id),
                (price.Product, price.Currency, price.UnitAmountDecimal, price.Interval, price.UsageType, price.Meter));
        }

        var monthly = platform.Stripe.Prices.Single(p => p.Id == stripe.GetProperty("monthly_price_id").GetString());
        Assert.Equal((productId, "eur", 4900m, "licensed", (string?)null), (monthly.Product, monthly.Currency, monthly.UnitAmountDecimal, monthly.UsageType, monthly.Meter));

        await platform.Operator.PostAsync("/partner/v1/price-plans", PlanBody(planId, "49.00"), HttpStatusCode.Conflict);
        Assert.Equal(5, PricesOf(planId).Count);
    }

    [Fact]
    public async Task Should_subscribe_a_tenant_with_a_customer_exactly_once_even_when_the_assignment_is_retried()
    {
        var planId = NewPlanId();
        var plan = await platform.Operator.PostAsync("/partner/v1/price-plans", PlanBody(planId, "49.00"), HttpStatusCode.Created);
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator, "Subscribed");
        var customer = await CustomerOfAsync(tenant.Id);

        // Stripe makes the subscription but its answer never arrives: the platform does not know it exists.
        platform.Stripe.HangTime = TimeSpan.FromSeconds(4);
        platform.Stripe.FailNextOn("/v1/subscriptions", FakeStripe.Failure.AcceptThenHang);
        var first = await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/plan", new { plan_id = planId }, HttpStatusCode.OK);
        Assert.Equal(("pending", JsonValueKind.Null), (first.GetProperty("stripe_subscription_status").GetString(), first.GetProperty("stripe_subscription_id").ValueKind));

        var retried = await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/plan", new { plan_id = planId }, HttpStatusCode.OK);
        var again = await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/plan", new { plan_id = planId }, HttpStatusCode.OK);

        var subscription = Assert.Single(platform.Stripe.Subscriptions, s => s.Customer == customer);
        Assert.Equal(("current", subscription.Id), (retried.GetProperty("stripe_subscription_status").GetString(), retried.GetProperty("stripe_subscription_id").GetString()));
        Assert.Equal(subscription.Id, again.GetProperty("stripe_subscription_id").GetString());
        Assert.Equal(subscription.Id, (await platform.Operator.GetAsync($"/partner/v1/tenants/{tenant.Id}/billing", HttpStatusCode.OK)).GetProperty("stripe_subscription_id").GetString());
        Assert.Equal(PriceIds(plan).Order(StringComparer.Ordinal), subscription.Items.Select(i => i.Price).Order(StringComparer.Ordinal));
        Assert.Equal((long?)1, subscription.Items.Single(i => i.Price == plan.GetProperty("stripe").GetProperty("monthly_price_id").GetString()).Quantity);
        Assert.Equal(4, subscription.Items.Count(i => i.Quantity is null));
        Assert.Equal(("send_invoice", tenant.Id, planId), (subscription.CollectionMethod, subscription.Metadata["tenant_id"], subscription.Metadata["plan_id"]));
    }

    [Fact]
    public async Task Should_find_the_subscription_a_lost_answer_made_after_Stripe_forgot_its_idempotency_key()
    {
        var planId = NewPlanId();
        await platform.Operator.PostAsync("/partner/v1/price-plans", PlanBody(planId, "49.00"), HttpStatusCode.Created);
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator, "Forgotten");
        var customer = await CustomerOfAsync(tenant.Id);
        platform.Stripe.HangTime = TimeSpan.FromSeconds(4);
        platform.Stripe.FailNextOn("/v1/subscriptions", FakeStripe.Failure.AcceptThenHang);
        await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/plan", new { plan_id = planId }, HttpStatusCode.OK);

        platform.Stripe.ForgetIdempotencyKeys();
        var retried = await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/plan", new { plan_id = planId }, HttpStatusCode.OK);

        var subscription = Assert.Single(platform.Stripe.Subscriptions, s => s.Customer == customer);
        Assert.Equal(("current", subscription.Id), (retried.GetProperty("stripe_subscription_status").GetString(), retried.GetProperty("stripe_subscription_id").GetString()));
    }

    [Fact]
    public async Task Should_give_a_tenant_a_new_subscription_when_the_operator_cancelled_its_old_one_to_change_currency()
    {
        var euros = NewPlanId();
        var dollars = NewPlanId();
        await platform.Operator.PostAsync("/partner/v1/price-plans", PlanBody(euros, "49.00"), HttpStatusCode.Created);
        await platform.Operator.PostAsync("/partner/v1/price-plans", new { id = dollars, name = "Dollars", currency = "USD", monthly_fee = "10.00" }, HttpStatusCode.Created);
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator, "Currency");
        var customer = await CustomerOfAsync(tenant.Id);
        var first = await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/plan", new { plan_id = euros }, HttpStatusCode.OK);

        var refused = await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/plan", new { plan_id = dollars }, HttpStatusCode.OK);
        Assert.Equal("pending", refused.GetProperty("stripe_subscription_status").GetString());
        Assert.Contains("same currency", refused.GetProperty("stripe_subscription_error").GetString(), StringComparison.Ordinal);

        platform.Stripe.Cancel(first.GetProperty("stripe_subscription_id").GetString()!);
        var moved = await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/plan", new { plan_id = dollars }, HttpStatusCode.OK);

        var active = Assert.Single(platform.Stripe.Subscriptions, s => s.Customer == customer && s.Status == "active");
        Assert.Equal(("current", active.Id), (moved.GetProperty("stripe_subscription_status").GetString(), moved.GetProperty("stripe_subscription_id").GetString()));
        Assert.NotEqual(first.GetProperty("stripe_subscription_id").GetString(), active.Id);
        Assert.All(active.Items, item => Assert.Equal("usd", platform.Stripe.Prices.Single(p => p.Id == item.Price).Currency));
    }

    [Fact]
    public async Task Should_make_new_prices_and_move_the_subscription_when_the_monthly_fee_changes_but_keep_them_for_message_fees()
    {
        var planId = NewPlanId();
        var created = await platform.Operator.PostAsync("/partner/v1/price-plans", PlanBody(planId, "49.00"), HttpStatusCode.Created);
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator, "Moving");
        var customer = await CustomerOfAsync(tenant.Id);
        var subscribed = await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/plan", new { plan_id = planId }, HttpStatusCode.OK);

        var feeChange = await platform.OperatorPutAsync($"/partner/v1/price-plans/{planId}", PlanBody(planId, "49.00", marketingFee: "0.0090"), HttpStatusCode.OK);
        Assert.Equal((1, "0.0090"), (feeChange.GetProperty("price_version").GetInt32(), feeChange.GetProperty("fees").GetProperty("marketing").GetString()));
        Assert.Equal(PriceIds(created), PriceIds(feeChange));
        Assert.Equal(5, PricesOf(planId).Count);

        var monthlyChange = await platform.OperatorPutAsync($"/partner/v1/price-plans/{planId}", PlanBody(planId, "59.00", marketingFee: "0.0090"), HttpStatusCode.OK);
        Assert.Equal((2, 2, "synced"), (monthlyChange.GetProperty("price_version").GetInt32(), monthlyChange.GetProperty("stripe").GetProperty("prices_version").GetInt32(),
            monthlyChange.GetProperty("stripe").GetProperty("status").GetString()));
        Assert.Empty(PriceIds(monthlyChange).Intersect(PriceIds(created)));
        Assert.Equal(5900m, platform.Stripe.Prices.Single(p => p.Id == monthlyChange.GetProperty("stripe").GetProperty("monthly_price_id").GetString()).UnitAmountDecimal);
        Assert.Equal(created.GetProperty("stripe").GetProperty("product_id").GetString(), monthlyChange.GetProperty("stripe").GetProperty("product_id").GetString());

        var subscription = Assert.Single(platform.Stripe.Subscriptions, s => s.Customer == customer);
        Assert.Equal(subscribed.GetProperty("stripe_subscription_id").GetString(), subscription.Id);
        Assert.Equal(PriceIds(monthlyChange).Order(StringComparer.Ordinal), subscription.Items.Select(i => i.Price).Order(StringComparer.Ordinal));
        var billing = await platform.Operator.GetAsync($"/partner/v1/tenants/{tenant.Id}/billing", HttpStatusCode.OK);
        Assert.Equal("current", billing.GetProperty("stripe_subscription_status").GetString());
    }

    [Fact]
    public async Task Should_bill_with_the_operators_own_prices_as_given()
    {
        var metered = MessageCategories.All.ToDictionary(c => c, c => platform.Stripe.AddPrice("usd", $"whatsapp_{c}", 0.01m));
        var monthly = platform.Stripe.AddPrice("usd", null, 2500m);
        var planId = NewPlanId();
        var pricesBefore = platform.Stripe.Prices.Count;

        var plan = await platform.Operator.PostAsync("/partner/v1/price-plans", new
        {
            id = planId, name = "Own prices", currency = "USD", fees = new { marketing = "0.0050" }, monthly_fee = "25.00",
            stripe = new { metered_price_ids = metered, monthly_price_id = monthly },
        }, HttpStatusCode.Created);
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator, "Own prices");
        var customer = await CustomerOfAsync(tenant.Id);
        await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/plan", new { plan_id = planId }, HttpStatusCode.OK);

        var stripe = plan.GetProperty("stripe");
        Assert.Equal(("operator_prices", JsonValueKind.Null), (stripe.GetProperty("status").GetString(), stripe.GetProperty("product_id").ValueKind));
        Assert.Equal(metered.OrderBy(p => p.Key).ToList(), stripe.GetProperty("metered_price_ids").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!)).OrderBy(p => p.Key).ToList());
        Assert.Equal(pricesBefore, platform.Stripe.Prices.Count);
        var subscription = Assert.Single(platform.Stripe.Subscriptions, s => s.Customer == customer);
        Assert.Equal(metered.Values.Append(monthly).Order(StringComparer.Ordinal), subscription.Items.Select(i => i.Price).Order(StringComparer.Ordinal));

        var missing = await platform.Operator.PostAsync("/partner/v1/price-plans", new
        {
            id = NewPlanId(), name = "Half", currency = "USD", monthly_fee = "25.00", stripe = new { metered_price_ids = new { marketing = metered["marketing"] } },
        }, HttpStatusCode.BadRequest);
        Assert.Equal(
            ["stripe.metered_price_ids.authentication", "stripe.metered_price_ids.service", "stripe.metered_price_ids.utility", "stripe.monthly_price_id"],
            missing.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
    }

    private static string NewPlanId() => "plan-" + Guid.NewGuid().ToString("N")[..8];

    private static object PlanBody(string id, string monthlyFee, string marketingFee = "0.0050") =>
        new { id, name = "Growth", currency = "EUR", fees = new { marketing = marketingFee, service = "0.0010" }, monthly_fee = monthlyFee };

    private static List<string> PriceIds(JsonElement plan) =>
    [
        .. plan.GetProperty("stripe").GetProperty("metered_price_ids").EnumerateObject().Select(p => p.Value.GetString()!),
        plan.GetProperty("stripe").GetProperty("monthly_price_id").GetString()!,
    ];

    private List<FakeStripe.Price> PricesOf(string planId) => [.. platform.Stripe.Prices.Where(p => p.Metadata.GetValueOrDefault("plan_id") == planId)];

    private async Task<string> CustomerOfAsync(string tenantId) =>
        (await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var billing = await platform.Operator.GetAsync($"/partner/v1/tenants/{tenantId}/billing", HttpStatusCode.OK);
            return billing.GetProperty("stripe_customer_id").ValueKind == JsonValueKind.String ? billing : null;
        })).GetProperty("stripe_customer_id").GetString()!;
}
