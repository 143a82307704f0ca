using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Billing.SpendLimits;
using Platform.Testing;

namespace Platform.Billing.Tests;

/// <summary>
/// <c>dotnet run --project src/Platform.Host</c> is the whole platform: a sandbox reply is priced with the tenant's plan,
/// shows in usage, reaches Stripe once, reconciles, and counts against the spend limit.
/// </summary>
[Collection(EmbeddedBillingGroup.Name)]
public sealed class Metering_a_sandbox_send_in_the_embedded_host(EmbeddedBilling platform)
{
    private const string Customer = "447700900123";

    [Fact]
    public async Task Should_meter_the_reply_push_it_to_Stripe_once_and_reconcile()
    {
        var tenant = await OnboardOnPlanAsync("0.0100", spendLimit: null);

        await SendReplyAsync(tenant);

        var usage = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var body = await tenant.Client.GetAsync($"/v1/usage?from={Today}&to={Today}", HttpStatusCode.OK);
            return body.GetProperty("lines").GetArrayLength() == 1 ? body : null;
        });
        var line = usage.GetProperty("lines")[0];
        Assert.Equal(
            (Today, "service", 1, 0, "0.0000", "0.0100", "0.0100", "USD"),
            (line.GetProperty("date").GetString(), line.GetProperty("category").GetString(), line.GetProperty("messages").GetInt32(),
             line.GetProperty("billable_messages").GetInt32(), line.GetProperty("meta_charge").GetString(), line.GetProperty("platform_fee").GetString(),
             line.GetProperty("total").GetString(), line.GetProperty("currency").GetString()));

        var pushed = await Eventually.GetAsync(() => platform.Stripe.Events.SingleOrDefault(e => platform.Stripe.Customers.GetValueOrDefault(e.Customer) == tenant.Id));
        Assert.Equal(("whatsapp_service", 100L), (pushed.EventName, pushed.Value));

        var reconciliation = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var body = await platform.Operator.GetAsync($"/partner/v1/reconciliation?tenant_id={tenant.Id}&from={Today}&to={Today}", HttpStatusCode.OK);
            return body.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("pushed_amount").GetString() == "0.0100") ? body : null;
        });
        var reconciled = reconciliation.GetProperty("lines")[0];
        Assert.Equal(("0.0100", "0.0100", "0.0000"), (reconciled.GetProperty("ledger_amount").GetString(), reconciled.GetProperty("pushed_amount").GetString(), reconciled.GetProperty("difference").GetString()));
        Assert.Equal(0, platform.Stripe.RefusedDuplicates);
    }

    [Fact]
    public async Task Should_answer_usage_as_CSV_for_the_tenant_and_the_operator()
    {
        var tenant = await OnboardOnPlanAsync("0.0100", spendLimit: null);
        await SendReplyAsync(tenant);

        var csv = await Eventually.GetAsync(async () =>
        {
            var text = await GetCsvAsync(tenant.Client, $"/v1/usage?from={Today}&to={Today}&format=csv");
            return text.Contains("service", StringComparison.Ordinal) ? text : null;
        });
        Assert.Equal($"date,category,messages,billable_messages,meta_charge,platform_fee,total,currency\n{Today},service,1,0,0.0000,0.0100,0.0100,USD\n", csv);

        var partner = await GetCsvAsync(platform.Operator, $"/partner/v1/usage?tenant_id={tenant.Id}&from={Today}&to={Today}&format=csv");
        Assert.Equal($"tenant_id,date,category,messages,billable_messages,meta_charge,platform_fee,total,currency\n{tenant.Id},{Today},service,1,0,0.0000,0.0100,0.0100,USD\n", partner);
    }

    [Fact]
    public async Task Should_list_the_tenants_Stripe_invoices()
    {
        var tenant = await OnboardOnPlanAsync("0.0100", spendLimit: null);
        await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var billing = await platform.Operator.GetAsync($"/partner/v1/tenants/{tenant.Id}/billing", HttpStatusCode.OK);
            return billing.GetProperty("stripe_customer_id").ValueKind == JsonValueKind.String ? billing : null;
        });

        var invoices = await tenant.Client.GetAsync("/v1/invoices", HttpStatusCode.OK);

        var invoice = invoices.GetProperty("data")[0];
        Assert.Equal(("FAKE-0001", "open", "12.3400", "https://invoice.example/fake-0001"),
            (invoice.GetProperty("number").GetString(), invoice.GetProperty("status").GetString(), invoice.GetProperty("total").GetString(), invoice.GetProperty("hosted_invoice_url").GetString()));
    }

    [Fact]
    public async Task Should_warn_at_80_and_100_percent_of_the_spend_limit_and_then_refuse()
    {
        var tenant = await OnboardOnPlanAsync("0.0100", spendLimit: "0.0120");
        await tenant.AddWebhookAsync(platform.Webhooks.Url);
        var limits = platform.Services.GetRequiredService<ISpendLimits>();

        await SendReplyAsync(tenant);
        var eighty = await platform.Webhooks.WaitForAsync(w => w.Type == "usage.threshold" && w.Event.GetProperty("tenant_id").GetString() == tenant.Id);
        Assert.Equal((80, "0.0100", "0.0120"), (eighty.Data.GetProperty("percent").GetInt32(), eighty.Data.GetProperty("spent").GetString(), eighty.Data.GetProperty("limit").GetString()));
        Assert.True((await limits.CheckAsync(tenant.Id)).Allowed);

        await tenant.Client.PostAsync("/v1/messages", new { from = _number, to = Customer, type = "text", text = new { body = "And one more thing." } }, HttpStatusCode.Accepted);
        var hundred = await platform.Webhooks.WaitForAsync(w => w.Type == "usage.threshold" && w.Event.GetProperty("tenant_id").GetString() == tenant.Id
            && w.Data.GetProperty("percent").GetInt32() == 100);
        Assert.Equal("0.0200", hundred.Data.GetProperty("spent").GetString());
        var billing = await platform.Operator.GetAsync($"/partner/v1/tenants/{tenant.Id}/billing", HttpStatusCode.OK);
        Assert.Equal(("0.0200", "0.0120"), (billing.GetProperty("month_spend").GetString(), billing.GetProperty("monthly_spend_limit").GetString()));
        Assert.Equal(new SpendCheck(false, 0.0200m, 0.0120m, DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)), await limits.CheckAsync(tenant.Id));

        var refused = await tenant.Client.PostAsync(
            "/v1/messages", new { from = _number, to = Customer, type = "text", text = new { body = "Over the limit." } }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("spend_limit_reached", refused.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Should_price_by_Metas_pricing_block_and_the_rate_card_and_count_a_redelivered_event_once()
    {
        using var csv = new StringContent("market,currency,marketing,utility,authentication,service\nIndia,USD,0.0107,0.0014,0.0014,0\n", new MediaTypeHeaderValue("text/csv"));
        using var upload = new HttpRequestMessage(HttpMethod.Put, "/partner/v1/rate-card") { Content = csv };
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EmbeddedBilling.OperatorKey);
        using var client = platform.CreateClient();
        await PlatformClient.ExpectAsync(await client.SendAsync(upload), HttpStatusCode.OK);
        var tenant = await OnboardOnPlanAsync("0.0100", spendLimit: null);
        var sent = new Platform.Contracts.Usage.OutboundMessageSent
        {
            TenantId = tenant.Id,
            MessageId = "msg_" + Guid.NewGuid().ToString("N")[..20],
            PhoneNumberId = _number,
            To = "919812345678",
            Channel = "cloud_api",
            Type = "template",
            TemplateCategory = "MARKETING",
            InsideWindow = false,
            Pricing = """{"billable":true,"pricing_model":"PMP","category":"marketing","type":"regular"}""",
            SentAt = DateTimeOffset.UtcNow,
        };

        var bus = platform.Services.GetRequiredService<MassTransit.IBus>();
        await bus.Publish(sent);
        await bus.Publish(sent);

        var line = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var usage = await tenant.Client.GetAsync($"/v1/usage?from={Today}&to={Today}", HttpStatusCode.OK);
            return usage.GetProperty("lines").EnumerateArray().FirstOrDefault(l => l.GetProperty("category").GetString() == "marketing") is { ValueKind: JsonValueKind.Object } found ? found : null;
        });
        Assert.Equal((1, 1, "0.0107", "0.0050", "0.0157"),
            (line.GetProperty("messages").GetInt32(), line.GetProperty("billable_messages").GetInt32(), line.GetProperty("meta_charge").GetString(),
             line.GetProperty("platform_fee").GetString(), line.GetProperty("total").GetString()));
        var pushed = await Eventually.GetAsync(() => platform.Stripe.Events.SingleOrDefault(e => e.EventName == "whatsapp_marketing" && platform.Stripe.Customers.GetValueOrDefault(e.Customer) == tenant.Id));
        Assert.Equal(157L, pushed.Value);
    }

    [Fact]
    public async Task Should_refuse_bad_plans_rate_cards_and_periods_with_problems()
    {
        var plan = await platform.Operator.PostAsync("/partner/v1/price-plans", new { id = "Bad Id", name = "", currency = "dollars", fees = new { marketing = "0.123456", sms = "1" } }, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_request", plan.GetProperty("code").GetString());
        Assert.Equal(["currency", "fees.marketing", "fees.sms", "id", "name"], plan.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());

        using var csv = new StringContent("market,currency,marketing\nAtlantis,USD,0.01\n", new MediaTypeHeaderValue("text/csv"));
        using var request = new HttpRequestMessage(HttpMethod.Put, "/partner/v1/rate-card") { Content = csv };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EmbeddedBilling.OperatorKey);
        using var response = await platform.CreateClient().SendAsync(request);
        var problem = await PlatformClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Line 2: 'Atlantis' is not one of Meta's markets.", problem.GetProperty("errors").GetProperty("body")[0].GetString());

        var tenant = await Onboarding.CreateTenantAsync(platform.Operator, "Periods");
        var period = await tenant.Client.GetAsync("/v1/usage?from=2026-13-01", HttpStatusCode.BadRequest);
        Assert.Equal("A UTC date as yyyy-MM-dd.", period.GetProperty("errors").GetProperty("from")[0].GetString());
        await platform.Operator.GetAsync("/partner/v1/tenants/ten_missing/billing", HttpStatusCode.NotFound);
        var duplicate = await platform.Operator.PostAsync("/partner/v1/price-plans", new { id = "dup", name = "Dup", currency = "USD" }, HttpStatusCode.Created);
        Assert.Equal("dup", duplicate.GetProperty("id").GetString());
        var conflict = await platform.Operator.PostAsync("/partner/v1/price-plans", new { id = "dup", name = "Dup", currency = "USD" }, HttpStatusCode.Conflict);
        Assert.Equal("price_plan_exists", conflict.GetProperty("code").GetString());
    }

    private string _number = "";

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Tenant> OnboardOnPlanAsync(string serviceFee, string? spendLimit)
    {
        var planId = "plan-" + Guid.NewGuid().ToString("N")[..8];
        var plan = await platform.Operator.PostAsync(
            "/partner/v1/price-plans",
            new { id = planId, name = "Starter", currency = "USD", fees = new { marketing = "0.0050", service = serviceFee }, monthly_fee = "49.00" },
            HttpStatusCode.Created);
        Assert.Equal(("0.0050", serviceFee, "0.0000", "49.0000"),
            (plan.GetProperty("fees").GetProperty("marketing").GetString(), plan.GetProperty("fees").GetProperty("service").GetString(),
             plan.GetProperty("fees").GetProperty("utility").GetString(), plan.GetProperty("monthly_fee").GetString()));

        var tenant = await Onboarding.CreateTenantAsync(platform.Operator, "Billed");
        await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/plan", new { plan_id = planId }, HttpStatusCode.OK);
        if (spendLimit is not null)
        {
            await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/spend-limit", new { monthly_limit = spendLimit }, HttpStatusCode.OK);
        }

        _number = await tenant.AddSandboxNumberAsync();
        return tenant;
    }

    private async Task SendReplyAsync(Tenant tenant)
    {
        await tenant.Client.PostAsync("/v1/sandbox/inbound", new { phone_number_id = _number, from = Customer, text = "Where is my order?" }, HttpStatusCode.Accepted);
        await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var response = await tenant.Client.PostAsync("/v1/messages", new { from = _number, to = Customer, type = "text", text = new { body = "It ships today." } });
            return response.StatusCode == HttpStatusCode.Accepted ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
        });
    }

    private static async Task<string> GetCsvAsync(PlatformClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
