using Platform.Billing.Ledger;
using Platform.Billing.Pricing;

namespace Platform.Billing.Tests;

/// <summary>
/// Whatever happens between the ledger and Stripe (duplicate usage events, 500s, 429s, a timeout after Stripe accepted,
/// the service killed between Stripe's answer and the ledger write), the sums Stripe holds per tenant and category
/// equal the ledger's, and no identifier is sent twice as a new event.
/// </summary>
public sealed class Pushing_usage_to_Stripe_exactly_once : IAsyncLifetime, IAsyncDisposable
{
    private readonly FakeStripe _stripe = new(MessageCategories.All.Select(c => $"whatsapp_{c}"));
    private readonly DateTimeOffset _bucket = LedgerBuckets.Of(DateTimeOffset.UtcNow.AddHours(-2));

    public Task InitializeAsync() => _stripe.StartAsync();

    public ValueTask DisposeAsync() => _stripe.DisposeAsync();

    Task IAsyncLifetime.DisposeAsync() => _stripe.DisposeAsync().AsTask();

    [Theory]
    [MemberData(nameof(MeterHarness.Storages), MemberType = typeof(MeterHarness))]
    public async Task Should_count_duplicate_usage_events_once(string storage)
    {
        var stores = new MeterHarness.StoreSet(storage);
        using var billing = await MeterHarness.StartAsync(_stripe, stores);
        var tenant = await TenantWithCustomerAsync(billing);
        var rows = Rows(tenant, 250);

        Assert.Equal(250, await billing.Ledger.AppendAsync(rows, CancellationToken.None));
        Assert.Equal(0, await billing.Ledger.AppendAsync(rows, CancellationToken.None));
        await billing.SettleAsync();
        Assert.Equal(0, await billing.Ledger.AppendAsync(rows.Take(120).ToList(), CancellationToken.None));
        await billing.SettleAsync();

        await AssertStripeEqualsLedgerAsync(billing, tenant, expectedUnits: rows.Sum(r => r.Units));
    }

    [Theory]
    [MemberData(nameof(MeterHarness.Storages), MemberType = typeof(MeterHarness))]
    public async Task Should_retry_server_errors_and_rate_limits_with_the_same_identifier(string storage)
    {
        var stores = new MeterHarness.StoreSet(storage);
        using var billing = await MeterHarness.StartAsync(_stripe, stores);
        var tenant = await TenantWithCustomerAsync(billing);
        var rows = Rows(tenant, 120);
        await billing.Ledger.AppendAsync(rows, CancellationToken.None);

        _stripe.FailNext(FakeStripe.Failure.ServerError, 3);
        _stripe.FailNext(FakeStripe.Failure.RateLimited, 3);
        _stripe.FailNext(FakeStripe.Failure.ServerError, 4);
        await billing.SettleAsync();

        await AssertStripeEqualsLedgerAsync(billing, tenant, expectedUnits: rows.Sum(r => r.Units));
    }

    [Theory]
    [MemberData(nameof(MeterHarness.Storages), MemberType = typeof(MeterHarness))]
    public async Task Should_count_once_when_Stripe_accepts_and_the_answer_times_out(string storage)
    {
        var stores = new MeterHarness.StoreSet(storage);
        using var billing = await MeterHarness.StartAsync(_stripe, stores);
        var tenant = await TenantWithCustomerAsync(billing);
        var rows = Rows(tenant, 30);
        await billing.Ledger.AppendAsync(rows, CancellationToken.None);

        _stripe.HangTime = TimeSpan.FromSeconds(3);
        _stripe.FailNext(FakeStripe.Failure.AcceptThenHang);
        await billing.SettleAsync();

        await AssertStripeEqualsLedgerAsync(billing, tenant, expectedUnits: rows.Sum(r => r.Units));
    }

    [Theory]
    [MemberData(nameof(MeterHarness.Storages), MemberType = typeof(MeterHarness))]
    public async Task Should_count_once_when_killed_between_the_push_and_the_ledger_write(string storage)
    {
        var stores = new MeterHarness.StoreSet(storage);
        var rows = new List<LedgerEntry>();
        string tenant;
        using (var doomed = await MeterHarness.StartAsync(_stripe, stores, inner => new CrashingLedger(inner)))
        {
            tenant = await TenantWithCustomerAsync(doomed);
            rows = Rows(tenant, 150);
            await doomed.Ledger.AppendAsync(rows, CancellationToken.None);
            await Assert.ThrowsAsync<ProcessKilledException>(() => doomed.Meter.RunOnceAsync(CancellationToken.None));
        }

        var acceptedBeforeTheKill = _stripe.Events.Count;
        Assert.InRange(acceptedBeforeTheKill, 1, 4);
        using var restarted = await MeterHarness.StartAsync(_stripe, stores);
        await restarted.SettleAsync();

        await AssertStripeEqualsLedgerAsync(restarted, tenant, expectedUnits: rows.Sum(r => r.Units));
    }

    [Theory]
    [MemberData(nameof(MeterHarness.Storages), MemberType = typeof(MeterHarness))]
    public async Task Should_wait_for_the_tenants_customer_then_push(string storage)
    {
        var stores = new MeterHarness.StoreSet(storage);
        using var billing = await MeterHarness.StartAsync(_stripe, stores);
        var tenant = MeterHarness.StoreSet.TenantId();
        var rows = Rows(tenant, 10);
        await billing.Ledger.AppendAsync(rows, CancellationToken.None);

        await billing.Meter.RunOnceAsync(CancellationToken.None);
        var waiting = await billing.Ledger.SummariesAsync(tenant, _bucket, _bucket.AddHours(1), CancellationToken.None);
        Assert.All(waiting, s => Assert.Equal((NotPushedReasons.NoCustomer, 0L), (s.NotPushedReason, s.PushedUnits)));
        Assert.Single(await billing.Ledger.DirtyAsync(10, CancellationToken.None), d => d.TenantId == tenant);

        await billing.Catalog.UpdateAccountAsync(tenant, a => a with { StripeCustomerId = _stripe.AddCustomer(tenant) }, CancellationToken.None);
        await billing.SettleAsync();

        await AssertStripeEqualsLedgerAsync(billing, tenant, expectedUnits: rows.Sum(r => r.Units));
    }

    [Theory]
    [MemberData(nameof(MeterHarness.Storages), MemberType = typeof(MeterHarness))]
    public async Task Should_record_usage_as_not_pushed_when_Stripe_is_off(string storage)
    {
        var stores = new MeterHarness.StoreSet(storage);
        using var billing = await MeterHarness.StartAsync(_stripe, stores, stripeOn: false);
        var tenant = MeterHarness.StoreSet.TenantId();
        var rows = Rows(tenant, 10);
        await billing.Ledger.AppendAsync(rows, CancellationToken.None);

        await billing.SettleAsync();

        var summaries = await billing.Ledger.SummariesAsync(tenant, _bucket, _bucket.AddHours(1), CancellationToken.None);
        Assert.Equal(rows.Sum(r => r.Units), summaries.Sum(s => s.Units));
        Assert.All(summaries, s => Assert.Equal((NotPushedReasons.StripeOff, 0L, s.Units), (s.NotPushedReason, s.PushedUnits, s.PendingUnits)));
        Assert.DoesNotContain(_stripe.Events, e => _stripe.Customers.GetValueOrDefault(e.Customer) == tenant);
    }

    [Theory]
    [MemberData(nameof(MeterHarness.Storages), MemberType = typeof(MeterHarness))]
    public async Task Should_not_resend_a_push_left_pending_longer_than_Stripe_remembers_identifiers(string storage)
    {
        var stores = new MeterHarness.StoreSet(storage);
        string tenant;
        using (var doomed = await MeterHarness.StartAsync(_stripe, stores, inner => new CrashingLedger(inner)))
        {
            tenant = await TenantWithCustomerAsync(doomed);
            await doomed.Ledger.AppendAsync(Rows(tenant, 8).Where(r => r.Category == MessageCategories.Marketing).ToList(), CancellationToken.None);
            await Assert.ThrowsAsync<ProcessKilledException>(() => doomed.Meter.RunOnceAsync(CancellationToken.None));
        }

        var dayLater = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(24));
        using var restarted = await MeterHarness.StartAsync(_stripe, stores, time: dayLater);
        await restarted.SettleAsync();

        Assert.Single(_stripe.Events);
        var pushes = (await restarted.Ledger.ReadAsync(tenant, _bucket, CancellationToken.None)).Pushes;
        Assert.Equal([PushStates.Uncertain], pushes.Select(p => p.State).ToArray());
        var summary = Assert.Single(await restarted.Ledger.SummariesAsync(tenant, _bucket, _bucket.AddHours(1), CancellationToken.None));
        Assert.Equal((NotPushedReasons.Uncertain, 0L, summary.Units), (summary.NotPushedReason, summary.PushedUnits, summary.PendingUnits));
    }

    [Theory]
    [MemberData(nameof(MeterHarness.Storages), MemberType = typeof(MeterHarness))]
    public async Task Should_explain_a_push_Stripe_refuses(string storage)
    {
        var stores = new MeterHarness.StoreSet(storage);
        using var billing = await MeterHarness.StartAsync(_stripe, stores);
        var tenant = MeterHarness.StoreSet.TenantId();
        await billing.Catalog.UpdateAccountAsync(tenant, a => a with { StripeCustomerId = "cus_unknown_to_stripe" }, CancellationToken.None);
        await billing.Ledger.AppendAsync(Rows(tenant, 4).Where(r => r.Category == MessageCategories.Marketing).ToList(), CancellationToken.None);

        await billing.SettleAsync();

        var push = Assert.Single((await billing.Ledger.ReadAsync(tenant, _bucket, CancellationToken.None)).Pushes);
        Assert.Equal(PushStates.Refused, push.State);
        Assert.Contains("No such customer", push.LastError, StringComparison.Ordinal);
        var summary = Assert.Single(await billing.Ledger.SummariesAsync(tenant, _bucket, _bucket.AddHours(1), CancellationToken.None));
        Assert.Equal((NotPushedReasons.Refused, 0L), (summary.NotPushedReason, summary.PushedUnits));
    }

    private async Task<string> TenantWithCustomerAsync(MeterHarness billing)
    {
        var tenant = MeterHarness.StoreSet.TenantId();
        await billing.Catalog.UpdateAccountAsync(tenant, a => a with { StripeCustomerId = _stripe.AddCustomer(tenant) }, CancellationToken.None);
        return tenant;
    }

    private async Task AssertStripeEqualsLedgerAsync(MeterHarness billing, string tenant, long expectedUnits)
    {
        var ledger = await billing.LedgerSumsAsync([(tenant, _bucket)]);
        var stripe = _stripe.Sums().Where(s => s.Key.Tenant == tenant).ToDictionary(s => (s.Key.Tenant, s.Key.EventName["whatsapp_".Length..]), s => s.Value);

        Assert.Equal(expectedUnits, ledger.Values.Sum());
        Assert.Equal(ledger.OrderBy(p => p.Key.Category).ToList(), stripe.OrderBy(p => p.Key.Item2).Select(p => new KeyValuePair<(string, string), long>(p.Key, p.Value)).ToList());
        Assert.Equal(0, _stripe.RefusedDuplicates);

        var summaries = await billing.Ledger.SummariesAsync(tenant, _bucket, _bucket.AddHours(1), CancellationToken.None);
        Assert.All(summaries, s => Assert.Equal((s.Units, 0L, (string?)null), (s.PushedUnits, s.PendingUnits, s.NotPushedReason)));
    }

    private List<LedgerEntry> Rows(string tenant, int count) => Enumerable.Range(0, count).Select(i =>
    {
        var category = MessageCategories.All[i % 4];
        return new LedgerEntry(
            tenant,
            $"msg_{i:D6}",
            _bucket.AddSeconds(i),
            "United Kingdom",
            category,
            category != MessageCategories.Service,
            "rules",
            category == MessageCategories.Service ? 0m : 0.0529m + (i % 7) * 0.0001m,
            0.0050m,
            "USD",
            "growth",
            RateMissing: false);
    }).ToList();
}
