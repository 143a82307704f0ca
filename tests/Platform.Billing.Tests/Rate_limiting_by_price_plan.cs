using System.Net;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Billing.Tests;

/// <summary>
/// A plan's rate limit reaches its tenants' keys when the plan is assigned: a tenant on a tight plan is answered 429 with
/// Retry-After, a tenant on another plan is not, and a tenant the operator gave its own limit keeps it.
/// </summary>
[Collection(EmbeddedBillingGroup.Name)]
public sealed class Rate_limiting_by_price_plan(EmbeddedBilling platform)
{
    [Fact]
    public async Task Should_answer_429_with_Retry_After_to_a_tenant_on_a_tight_plan_and_not_to_one_on_another_plan()
    {
        var tight = await PlanAsync(permitsPerSecond: 1, burst: 2);
        var roomy = await PlanAsync(permitsPerSecond: 1_000, burst: 1_000);
        var limited = await Onboarding.CreateTenantAsync(platform.Operator, "Tight");
        var free = await Onboarding.CreateTenantAsync(platform.Operator, "Roomy");
        var assigned = await platform.OperatorPutAsync($"/partner/v1/tenants/{limited.Id}/billing/plan", new { plan_id = tight }, HttpStatusCode.OK);
        await platform.OperatorPutAsync($"/partner/v1/tenants/{free.Id}/billing/plan", new { plan_id = roomy }, HttpStatusCode.OK);
        Assert.Equal((1, 2, "plan"), RateLimitOf(assigned));

        var limitedAnswers = await BurstAsync(limited, 6);
        var freeAnswers = await BurstAsync(free, 6);

        Assert.Equal(HttpStatusCode.OK, limitedAnswers[0].Status);
        var refused = limitedAnswers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, answer => Assert.Equal(("rate_limited", true), (answer.Code, answer.RetryAfter >= 1)));
        Assert.All(freeAnswers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
    }

    [Fact]
    public async Task Should_limit_the_plans_tenants_when_the_plan_gets_a_tighter_limit()
    {
        var planId = await PlanAsync(permitsPerSecond: 1_000, burst: 1_000);
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator, "Tightened");
        await platform.OperatorPutAsync($"/partner/v1/tenants/{tenant.Id}/billing/plan", new { plan_id = planId }, HttpStatusCode.OK);
        Assert.All(await BurstAsync(tenant, 4), answer => Assert.Equal(HttpStatusCode.OK, answer.Status));

        await platform.OperatorPutAsync(
            $"/partner/v1/price-plans/{planId}",
            new { name = "Limited", currency = "USD", rate_limit = new { permits_per_second = 1, burst = 1 } },
            HttpStatusCode.OK);

        var answers = await BurstAsync(tenant, 4);
        Assert.Contains(answers, answer => answer.Status == HttpStatusCode.TooManyRequests);
        var billing = await platform.Operator.GetAsync($"/partner/v1/tenants/{tenant.Id}/billing", HttpStatusCode.OK);
        Assert.Equal((1, 1, "plan"), RateLimitOf(billing));
    }

    [Fact]
    public async Task Should_keep_a_tenants_own_limit_over_its_plans()
    {
        var tight = await PlanAsync(permitsPerSecond: 1, burst: 1);
        var created = await platform.Operator.PostAsync(
            "/partner/v1/tenants", new { name = "Own limit", rate_limit = new { permits_per_second = 500, burst = 500 } }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var key = (await platform.Operator.PostAsync($"/partner/v1/tenants/{id}/api-keys", new { }, HttpStatusCode.Created)).GetProperty("key").GetString()!;
        var tenant = new Tenant(id, key, platform.Operator.WithKey(key));

        var assigned = await platform.OperatorPutAsync($"/partner/v1/tenants/{id}/billing/plan", new { plan_id = tight }, HttpStatusCode.OK);

        Assert.Equal((500, 500, "tenant"), RateLimitOf(assigned));
        Assert.All(await BurstAsync(tenant, 6), answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
    }

    private async Task<string> PlanAsync(int permitsPerSecond, int burst)
    {
        var id = "plan-" + Guid.NewGuid().ToString("N")[..8];
        var plan = await platform.Operator.PostAsync(
            "/partner/v1/price-plans",
            new { id, name = "Limited", currency = "USD", rate_limit = new { permits_per_second = permitsPerSecond, burst } },
            HttpStatusCode.Created);
        Assert.Equal(permitsPerSecond, plan.GetProperty("rate_limit").GetProperty("permits_per_second").GetInt32());
        return id;
    }

    private static (int, int, string) RateLimitOf(JsonElement billing)
    {
        var limit = billing.GetProperty("rate_limit");
        return (limit.GetProperty("permits_per_second").GetInt32(), limit.GetProperty("burst").GetInt32(), limit.GetProperty("source").GetString()!);
    }

    private static async Task<List<Answer>> BurstAsync(Tenant tenant, int requests)
    {
        var answers = new List<Answer>();
        for (var i = 0; i < requests; i++)
        {
            using var response = await tenant.Client.GetAsync("/v1/invoices");
            var code = response.StatusCode == HttpStatusCode.TooManyRequests
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()
                : null;
            answers.Add(new Answer(response.StatusCode, code, (int?)response.Headers.RetryAfter?.Delta?.TotalSeconds));
        }

        return answers;
    }

    private sealed record Answer(HttpStatusCode Status, string? Code, int? RetryAfter);
}
