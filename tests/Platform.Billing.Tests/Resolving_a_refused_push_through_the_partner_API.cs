using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;

namespace Platform.Billing.Tests;

/// <summary>
/// Reconciliation lists the push Stripe refused; the operator fixes the customer and resolves it with a retry; Stripe then
/// holds exactly the ledger's amount, reconciliation shows no difference, and the tenant's audit log names the resolution.
/// </summary>
[Collection(EmbeddedBillingGroup.Name)]
public sealed class Resolving_a_refused_push_through_the_partner_API(EmbeddedBilling platform)
{
    [Fact]
    public async Task Should_list_the_refused_push_retry_it_once_and_reconcile_to_no_difference()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator, "Refused");
        await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var billing = await platform.Operator.GetAsync($"/partner/v1/tenants/{tenant.Id}/billing", HttpStatusCode.OK);
            return billing.GetProperty("stripe_customer_id").ValueKind == JsonValueKind.String ? billing : null;
        });
        await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/stripe-customer", new { stripe_customer_id = "cus_deleted_in_stripe" }, HttpStatusCode.OK);
        var planId = "plan-" + Guid.NewGuid().ToString("N")[..8];
        await platform.Operator.PostAsync("/partner/v1/price-plans", new { id = planId, name = "Fees", currency = "USD", fees = new { marketing = "0.0070" } }, HttpStatusCode.Created);
        await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/plan", new { plan_id = planId }, HttpStatusCode.OK);
        await platform.Services.GetRequiredService<MassTransit.IBus>().Publish(new Platform.Contracts.Usage.OutboundMessageSent
        {
            TenantId = tenant.Id,
            MessageId = "msg_" + Guid.NewGuid().ToString("N")[..20],
            PhoneNumberId = "100200300",
            To = "447700900123",
            Channel = "sandbox",
            Type = "template",
            TemplateCategory = "MARKETING",
            InsideWindow = false,
            SentAt = DateTimeOffset.UtcNow,
        });

        var refused = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var report = await platform.Operator.GetAsync($"/partner/v1/reconciliation?tenant_id={tenant.Id}", HttpStatusCode.OK);
            return report.GetProperty("unresolved_pushes").GetArrayLength() == 1 ? report : null;
        });
        var push = refused.GetProperty("unresolved_pushes")[0];
        Assert.Equal(("refused", "marketing"), (push.GetProperty("state").GetString(), push.GetProperty("category").GetString()));
        Assert.Equal(push.GetProperty("amount").GetString(), refused.GetProperty("lines")[0].GetProperty("not_pushed").GetProperty("refused_by_stripe").GetString());
        var id = push.GetProperty("id").GetString()!;

        var customer = platform.Stripe.AddCustomer(tenant.Id);
        await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/stripe-customer", new { stripe_customer_id = customer }, HttpStatusCode.OK);
        var invalid = await platform.Operator.PostAsync($"/partner/v1/usage/pushes/{id}/resolve", new { outcome = "forget" }, HttpStatusCode.BadRequest);
        Assert.Equal(["outcome", "reason"], invalid.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        var wrong = await platform.Operator.PostAsync($"/partner/v1/usage/pushes/{id}/resolve", new { outcome = "pushed", reason = "Looks fine." }, HttpStatusCode.Conflict);
        Assert.Equal("push_not_resolvable", wrong.GetProperty("code").GetString());
        await platform.Operator.PostAsync("/partner/v1/usage/pushes/ten_nobody-marketing-202601010000-1/resolve", new { outcome = "retry", reason = "?" }, HttpStatusCode.NotFound);

        var resolved = await platform.Operator.PostAsync($"/partner/v1/usage/pushes/{id}/resolve", new { outcome = "retry", reason = "The customer was deleted in Stripe; billed to the new one." }, HttpStatusCode.OK);
        Assert.Equal(("pending", "retry", id + "-r1"), (resolved.GetProperty("state").GetString(), resolved.GetProperty("resolution").GetString(), resolved.GetProperty("identifier").GetString()));

        var reconciled = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var report = await platform.Operator.GetAsync($"/partner/v1/reconciliation?tenant_id={tenant.Id}", HttpStatusCode.OK);
            return report.GetProperty("lines")[0].GetProperty("difference").GetString() == "0.0000" ? report : null;
        });
        var line = reconciled.GetProperty("lines")[0];
        Assert.Equal((line.GetProperty("ledger_amount").GetString(), 0, 0), (line.GetProperty("pushed_amount").GetString(), line.GetProperty("not_pushed").EnumerateObject().Count(), reconciled.GetProperty("unresolved_pushes").GetArrayLength()));
        var sent = Assert.Single(platform.Stripe.Events, e => e.Customer == customer);
        Assert.Equal((id + "-r1", (long)(decimal.Parse(line.GetProperty("ledger_amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture) * 10_000m)), (sent.Identifier, sent.Value));

        var audit = await platform.Operator.GetAsync($"/partner/v1/tenants/{tenant.Id}/audit", HttpStatusCode.OK);
        var entry = audit.GetProperty("data").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "usage_push.resolved");
        Assert.Equal(id, entry.GetProperty("target").GetString());
        Assert.StartsWith("retry: ", entry.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
