using Platform.Billing.Plans;
using Platform.Billing.Pricing;

namespace Platform.Billing.Tests;

/// <summary>The Stripe ids, price version and rate limit of a plan, and a tenant's subscription, survive a restart of billing.</summary>
public sealed class Keeping_Stripe_ids_in_the_catalog : IAsyncLifetime, IAsyncDisposable
{
    private readonly FakeStripe _stripe = new(MessageCategories.All.Select(c => $"whatsapp_{c}"));

    public Task InitializeAsync() => _stripe.StartAsync();

    public ValueTask DisposeAsync() => _stripe.DisposeAsync();

    Task IAsyncLifetime.DisposeAsync() => _stripe.DisposeAsync().AsTask();

    [Theory]
    [MemberData(nameof(MeterHarness.Storages), MemberType = typeof(MeterHarness))]
    public async Task Should_keep_the_plans_prices_and_the_tenants_subscription_across_a_restart(string storage)
    {
        var stores = new MeterHarness.StoreSet(storage);
        var planId = "plan-" + Guid.NewGuid().ToString("N")[..8];
        var tenant = MeterHarness.StoreSet.TenantId();
        PricePlan synced;
        BillingAccount subscribed;
        using (var billing = await MeterHarness.StartAsync(_stripe, stores))
        {
            var now = DateTimeOffset.UtcNow;
            await billing.Catalog.CreatePlanAsync(
                new PricePlan(planId, "Kept", "KWD", new Dictionary<string, decimal> { ["utility"] = 0.002m }, 12.5m, now, now) { RateLimit = new PlanRateLimit(7, 14) },
                CancellationToken.None);
            await billing.Catalog.UpdateAccountAsync(tenant, a => a with { PlanId = planId, StripeCustomerId = _stripe.AddCustomer(tenant) }, CancellationToken.None);
            await billing.CatalogSync.SyncAllAsync(CancellationToken.None);
            synced = (await billing.Catalog.GetPlanAsync(planId, CancellationToken.None))!;
            subscribed = (await billing.Catalog.GetAccountAsync(tenant, CancellationToken.None))!;
        }

        using var restarted = await MeterHarness.StartAsync(_stripe, stores);
        var plan = (await restarted.Catalog.GetPlanAsync(planId, CancellationToken.None))!;
        var account = (await restarted.Catalog.GetAccountAsync(tenant, CancellationToken.None))!;

        Assert.True(plan.StripeInSync);
        Assert.Equal((PlanStripePrices.Platform, 1, synced.Stripe!.ProductId, synced.Stripe.MonthlyPriceId, new PlanRateLimit(7, 14)),
            (plan.Stripe!.Source, plan.Stripe.Version, plan.Stripe.ProductId, plan.Stripe.MonthlyPriceId, plan.RateLimit));
        Assert.Equal(synced.Stripe.MeteredPriceIds.OrderBy(p => p.Key), plan.Stripe.MeteredPriceIds.OrderBy(p => p.Key));
        Assert.Equal((subscribed.StripeSubscriptionId, $"{planId}@v1", 1), (account.StripeSubscriptionId, account.SubscribedTo, account.SubscriptionChanges));
        Assert.Equal(0.1m, _stripe.Prices.Single(p => p.Id == plan.Stripe.MeteredPriceIds["utility"]).UnitAmountDecimal);
        Assert.Equal(12500m, _stripe.Prices.Single(p => p.Id == plan.Stripe.MonthlyPriceId).UnitAmountDecimal);

        await restarted.CatalogSync.SyncAllAsync(CancellationToken.None);
        Assert.Single(_stripe.Subscriptions);
        Assert.Equal(5, _stripe.Prices.Count);
    }
}
