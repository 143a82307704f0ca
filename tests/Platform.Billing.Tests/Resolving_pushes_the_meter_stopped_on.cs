using Microsoft.Extensions.Time.Testing;
using Platform.Billing.Ledger;
using Platform.Billing.Pricing;

namespace Platform.Billing.Tests;

/// <summary>
/// The operator's resolution of a push the meter stopped on (uncertain after Stripe's memory lapsed, or refused) keeps
/// every row counted once: Stripe's sums equal the ledger's, and the summaries explain what is not in Stripe.
/// </summary>
public sealed class Resolving_pushes_the_meter_stopped_on : IAsyncLifetime, IAsyncDisposable
{
    private readonly FakeStripe _stripe = new(MessageCategories.All.Select(c => $"whatsapp_{c}"));
    private readonly DateTimeOffset _bucket = LedgerBuckets.Of(DateTimeOffset.UtcNow.AddHours(-2));

    public Task InitializeAsync() => _stripe.StartAsync();

    public ValueTask DisposeAsync() => _stripe.DisposeAsync();

    Task IAsyncLifetime.DisposeAsync() => _stripe.DisposeAsync().AsTask();

    [Theory]
    [MemberData(nameof(MeterHarness.Storages), MemberType = typeof(MeterHarness))]
    public async Task Should_count_an_uncertain_push_Stripe_holds_once_when_resolved_as_pushed(string storage)
    {
        var stores = new MeterHarness.StoreSet(storage);
        string tenant;
        using (var doomed = await MeterHarness.StartAsync(_stripe, stores, inner => new CrashingLedger(inner)))
        {
            tenant = await TenantWithCustomerAsync(doomed);
            await doomed.Ledger.AppendAsync(Rows(tenant, 6), CancellationToken.None);
            await Assert.ThrowsAsync<ProcessKilledException>(() => doomed.Meter.RunOnceAsync(CancellationToken.None));
        }

        using var billing = await MeterHarness.StartAsync(_stripe, stores, time: new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(24)));
        await billing.SettleAsync();
        var uncertain = Assert.Single((await billing.Ledger.ReadAsync(tenant, _bucket, CancellationToken.None)).Pushes);
        Assert.Equal(PushStates.Uncertain, uncertain.State);

        var resolution = await billing.Resolver.ResolveAsync(uncertain.Id, PushResolutions.Pushed, "Seen in Stripe's meter event summaries.", CancellationToken.None);
        await billing.SettleAsync();

        Assert.Equal((PushResolution.Result.Resolved, PushStates.Pushed), (resolution.Outcome, resolution.Push!.State));
        Assert.Single(_stripe.Events, e => _stripe.Customers[e.Customer] == tenant);
        await AssertStripeEqualsLedgerAsync(billing, tenant);
        var summary = Assert.Single(await billing.Ledger.SummariesAsync(tenant, _bucket, _bucket.AddHours(1), CancellationToken.None));
        Assert.Equal((summary.Units, summary.Units, 0L, (string?)null, 0), (summary.PushedUnits, summary.ConfirmedUnits, summary.PendingUnits, summary.NotPushedReason, summary.Unresolved));
    }

    [Theory]
    [MemberData(nameof(MeterHarness.Storages), MemberType = typeof(MeterHarness))]
    public async Task Should_send_an_uncertain_push_Stripe_never_received_once_under_a_new_identifier_when_retried(string storage)
    {
        var stores = new MeterHarness.StoreSet(storage);
        string tenant;
        using (var first = await MeterHarness.StartAsync(_stripe, stores))
        {
            tenant = await TenantWithCustomerAsync(first);
            await first.Ledger.AppendAsync(Rows(tenant, 6), CancellationToken.None);
            _stripe.FailNext(FakeStripe.Failure.ServerError, 4);
            await first.Meter.RunOnceAsync(CancellationToken.None);
        }

        using var billing = await MeterHarness.StartAsync(_stripe, stores, time: new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(24)));
        await billing.SettleAsync();
        var uncertain = Assert.Single((await billing.Ledger.ReadAsync(tenant, _bucket, CancellationToken.None)).Pushes);
        Assert.Equal(PushStates.Uncertain, uncertain.State);
        Assert.DoesNotContain(_stripe.Events, e => _stripe.Customers[e.Customer] == tenant);

        var resolution = await billing.Resolver.ResolveAsync(uncertain.Id, PushResolutions.Retry, "Not in Stripe's meter event summaries.", CancellationToken.None);
        await billing.SettleAsync();

        Assert.Equal(PushResolution.Result.Resolved, resolution.Outcome);
        var sent = Assert.Single(_stripe.Events, e => _stripe.Customers[e.Customer] == tenant);
        Assert.Equal(uncertain.Identifier + "-r1", sent.Identifier);
        await AssertStripeEqualsLedgerAsync(billing, tenant);
        var pushed = Assert.Single((await billing.Ledger.ReadAsync(tenant, _bucket, CancellationToken.None)).Pushes);
        Assert.Equal((PushStates.Pushed, PushResolutions.Retry, uncertain.Id), (pushed.State, pushed.Resolution, pushed.Id));

        Assert.Equal(PushResolution.Result.AlreadyResolved, (await billing.Resolver.ResolveAsync(uncertain.Id, PushResolutions.Retry, "Again.", CancellationToken.None)).Outcome);
        Assert.Equal(PushResolution.Result.Conflict, (await billing.Resolver.ResolveAsync(uncertain.Id, PushResolutions.WriteOff, "Too late.", CancellationToken.None)).Outcome);
        await billing.SettleAsync();
        Assert.Single(_stripe.Events, e => _stripe.Customers[e.Customer] == tenant);
    }

    [Theory]
    [MemberData(nameof(MeterHarness.Storages), MemberType = typeof(MeterHarness))]
    public async Task Should_never_push_a_refused_push_written_off_and_explain_it(string storage)
    {
        var stores = new MeterHarness.StoreSet(storage);
        using var billing = await MeterHarness.StartAsync(_stripe, stores);
        var tenant = MeterHarness.StoreSet.TenantId();
        await billing.Catalog.UpdateAccountAsync(tenant, a => a with { StripeCustomerId = "cus_unknown_to_stripe" }, CancellationToken.None);
        await billing.Ledger.AppendAsync(Rows(tenant, 5), CancellationToken.None);
        await billing.SettleAsync();
        var refused = Assert.Single((await billing.Ledger.ReadAsync(tenant, _bucket, CancellationToken.None)).Pushes);
        Assert.Equal(1, Assert.Single(await billing.Ledger.SummariesAsync(tenant, _bucket, _bucket.AddHours(1), CancellationToken.None)).Unresolved);
        Assert.Equal([refused.Id], (await billing.Resolver.UnresolvedAsync(tenant, _bucket, _bucket.AddHours(1), CancellationToken.None)).Select(p => p.Id));

        var claimedPushed = await billing.Resolver.ResolveAsync(refused.Id, PushResolutions.Pushed, "Wrong button.", CancellationToken.None);
        var writtenOff = await billing.Resolver.ResolveAsync(refused.Id, PushResolutions.WriteOff, "Invoiced by hand.", CancellationToken.None);
        await billing.SettleAsync();

        Assert.Equal((PushResolution.Result.Conflict, PushResolution.Result.Resolved), (claimedPushed.Outcome, writtenOff.Outcome));
        Assert.DoesNotContain(_stripe.Events, e => e.Customer == "cus_unknown_to_stripe");
        var summary = Assert.Single(await billing.Ledger.SummariesAsync(tenant, _bucket, _bucket.AddHours(1), CancellationToken.None));
        Assert.Equal((0L, summary.Units, 0L, (string?)null, 0), (summary.PushedUnits, summary.WrittenOffUnits, summary.PendingUnits, summary.NotPushedReason, summary.Unresolved));
        Assert.Empty(await billing.Resolver.UnresolvedAsync(tenant, _bucket, _bucket.AddHours(1), CancellationToken.None));
    }

    private async Task<string> TenantWithCustomerAsync(MeterHarness billing)
    {
        var tenant = MeterHarness.StoreSet.TenantId();
        await billing.Catalog.UpdateAccountAsync(tenant, a => a with { StripeCustomerId = _stripe.AddCustomer(tenant) }, CancellationToken.None);
        return tenant;
    }

    private async Task AssertStripeEqualsLedgerAsync(MeterHarness billing, string tenant)
    {
        var ledger = await billing.LedgerSumsAsync([(tenant, _bucket)]);
        var stripe = _stripe.Sums().Where(s => s.Key.Tenant == tenant).ToDictionary(s => (s.Key.Tenant, s.Key.EventName["whatsapp_".Length..]), s => s.Value);
        Assert.Equal(ledger.OrderBy(p => p.Key.Category).ToList(), stripe.OrderBy(p => p.Key.Item2).Select(p => new KeyValuePair<(string, string), long>(p.Key, p.Value)).ToList());
        Assert.Equal(0, _stripe.RefusedDuplicates);
    }

    /// <summary>Marketing rows only, so the bucket holds one push.</summary>
    private List<LedgerEntry> Rows(string tenant, int count) => Enumerable.Range(0, count).Select(i => new LedgerEntry(
        tenant, $"msg_{i:D6}", _bucket.AddSeconds(i), "United Kingdom", MessageCategories.Marketing, true, "rules", 0.0529m, 0.0050m, "USD", "growth", RateMissing: false)).ToList();
}
