using Platform.Billing.Plans;
using Platform.Billing.Pricing;
using Platform.Host.Billing;

namespace Platform.Billing.Tests;

/// <summary>Without <c>Stripe__ApiKey</c> no meter, price or subscription is made, and the answers say Stripe is off.</summary>
public sealed class Leaving_Stripe_alone_when_it_is_off : IAsyncLifetime, IAsyncDisposable
{
    private readonly FakeStripe _stripe = new(MessageCategories.All.Select(c => $"whatsapp_{c}"));

    public Task InitializeAsync() => _stripe.StartAsync();

    public ValueTask DisposeAsync() => _stripe.DisposeAsync();

    Task IAsyncLifetime.DisposeAsync() => _stripe.DisposeAsync().AsTask();

    [Fact]
    public async Task Should_make_no_Stripe_objects_and_say_so()
    {
        using var billing = await MeterHarness.StartAsync(_stripe, new MeterHarness.StoreSet("memory"), stripeOn: false);
        var now = DateTimeOffset.UtcNow;
        var plan = new PricePlan("off", "Off", "USD", new Dictionary<string, decimal> { ["marketing"] = 0.005m }, 49m, now, now);
        await billing.Catalog.CreatePlanAsync(plan, CancellationToken.None);
        var tenant = MeterHarness.StoreSet.TenantId();
        await billing.Catalog.UpdateAccountAsync(tenant, a => a with { PlanId = "off", StripeCustomerId = _stripe.AddCustomer(tenant) }, CancellationToken.None);

        var synced = await billing.CatalogSync.SyncPlanAsync("off", CancellationToken.None);
        var account = await billing.CatalogSync.SyncSubscriptionAsync(tenant, CancellationToken.None);
        await billing.CatalogSync.SyncAllAsync(CancellationToken.None);

        Assert.Equal(0, _stripe.Calls);
        Assert.Equal(((PlanStripePrices?)null, (string?)null), (synced!.Stripe, account!.StripeSubscriptionId));
        Assert.Equal("stripe_off", PricePlanResponse.From(synced, stripeEnabled: false).Stripe.Status);
        var rateLimit = new TenantRateLimitResponse(10_000, 20_000, "platform");
        Assert.Equal("stripe_off", TenantBillingResponse.From(tenant, account, synced, stripeEnabled: false, rateLimit).StripeSubscriptionStatus);
    }
}
