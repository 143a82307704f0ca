using Microsoft.Extensions.Options;
using Platform.Billing.Hosting;
using Platform.Billing.Plans;
using Platform.Billing.Pricing;
using Stripe;
using Stripe.Billing;

namespace Platform.Billing.StripeSync;

/// <summary>
/// Keeps Stripe's catalog in line with the platform's: one meter per category, a product with metered and monthly prices
/// per plan version, and each tenant's subscription on its plan's prices. Every step reads what is stored first and
/// creates with an idempotency key derived from what it creates, so the API (inline) and the billing service (on a
/// timer) may both run it, repeatedly, and Stripe still holds one of each.
/// </summary>
public sealed partial class StripeCatalogSync(
    StripeGateway stripe, IBillingCatalog catalog, IOptions<BillingOptions> options, ILogger<StripeCatalogSync> logger) : IDisposable
{
    private readonly SemaphoreSlim _meterLock = new(1, 1);
    private IReadOnlyDictionary<string, string>? _meters;

    public bool Enabled => stripe.Enabled;

    /// <summary>The meter id per category: found by event name among the active meters, or created (sum of <c>value</c>).</summary>
    public async Task<IReadOnlyDictionary<string, string>> EnsureMetersAsync(CancellationToken cancellationToken)
    {
        if (_meters is { } known)
        {
            return known;
        }

        await _meterLock.WaitAsync(cancellationToken);
        try
        {
            if (_meters is not null)
            {
                return _meters;
            }

            var service = new MeterService(stripe.Client);
            var existing = new Dictionary<string, Meter>(StringComparer.Ordinal);
            await foreach (var meter in service.ListAutoPagingAsync(new MeterListOptions { Status = "active", Limit = 100 }, cancellationToken: cancellationToken))
            {
                existing.TryAdd(meter.EventName, meter);
            }

            var meters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var category in MessageCategories.All)
            {
                var eventName = options.Value.EventNameFor(category);
                if (existing.TryGetValue(eventName, out var meter))
                {
                    // A meter that counts events or keeps the last value would bill the wrong amount: refuse to price on it.
                    if (meter.DefaultAggregation?.Formula != "sum")
                    {
                        throw new StripeSetupException(
                            $"Stripe meter {meter.Id} for event '{eventName}' aggregates with '{meter.DefaultAggregation?.Formula}'; billing needs 'sum'. Deactivate it or change Billing__MeterEventNames__{category}.");
                    }
                }
                else
                {
                    meter = await service.CreateAsync(
                        new MeterCreateOptions
                        {
                            DisplayName = $"WhatsApp {category} messages (amount in 0.0001 of the currency)",
                            EventName = eventName,
                            DefaultAggregation = new MeterDefaultAggregationOptions { Formula = "sum" },
                            CustomerMapping = new MeterCustomerMappingOptions { Type = "by_id", EventPayloadKey = "stripe_customer_id" },
                            ValueSettings = new MeterValueSettingsOptions { EventPayloadKey = "value" },
                        },
                        new RequestOptions { IdempotencyKey = $"meter-{eventName}" },
                        cancellationToken);
                    LogMeterCreated(meter.Id, eventName);
                }

                meters[category] = meter.Id;
            }

            return _meters = meters;
        }
        finally
        {
            _meterLock.Release();
        }
    }

    /// <summary>Makes the plan's Stripe prices for its current version when they are missing; returns the plan as stored.</summary>
    public async Task<PricePlan?> SyncPlanAsync(string planId, CancellationToken cancellationToken)
    {
        var plan = await catalog.GetPlanAsync(planId, cancellationToken);
        if (plan is null || !Enabled || plan.StripeInSync)
        {
            return plan;
        }

        try
        {
            var prices = await CreatePricesAsync(plan, cancellationToken);

            // Only for the version they were made for: an operator's change in the meantime raised it, and gets its own prices.
            return await catalog.ChangePlanAsync(
                planId, current => current.PriceVersion == plan.PriceVersion ? current with { Stripe = prices, StripeError = null } : current, cancellationToken);
        }
        catch (Exception failed) when (IsStripeFailure(failed) && !cancellationToken.IsCancellationRequested)
        {
            LogPlanFailed(failed, planId);
            return await catalog.ChangePlanAsync(planId, current => current with { StripeError = failed.Message }, cancellationToken);
        }
    }

    /// <summary>
    /// Creates the tenant's subscription on its plan's prices, or moves it to them (immediately, the monthly fee prorated),
    /// unless it is there already. Waits, doing nothing, for a customer and for the plan's prices.
    /// </summary>
    public async Task<BillingAccount?> SyncSubscriptionAsync(string tenantId, CancellationToken cancellationToken)
    {
        var account = await catalog.GetAccountAsync(tenantId, cancellationToken);
        if (!Enabled || account is not { PlanId: { } planId, StripeCustomerId: { } customerId })
        {
            return account;
        }

        var plan = await catalog.GetPlanAsync(planId, cancellationToken);
        if (plan is null || !plan.StripeInSync || account.SubscribedTo == plan.SubscriptionMark)
        {
            return account;
        }

        var prices = plan.Stripe!;
        var change = account.SubscriptionChanges + 1;
        var key = $"subscription-{tenantId}-{change}-{plan.SubscriptionMark}";
        var metadata = new Dictionary<string, string> { ["tenant_id"] = tenantId, ["plan_id"] = plan.Id, ["plan_version"] = Invariant(plan.PriceVersion) };
        try
        {
            var service = new SubscriptionService(stripe.Client);
            var current = account.StripeSubscriptionId is { } known
                ? await service.GetAsync(known, cancellationToken: cancellationToken)
                : await FindAsync(service, customerId, tenantId, cancellationToken);

            // A subscription that ended (cancelled by the operator in Stripe, for example to change the tenant's currency,
            // which Stripe does not allow on a subscription) cannot be changed: the tenant gets a new one.
            if (current?.Status is "canceled" or "incomplete_expired")
            {
                current = null;
            }

            string subscriptionId;
            if (current is null)
            {
                var created = await service.CreateAsync(
                    new SubscriptionCreateOptions
                    {
                        Customer = customerId,
                        Items = [.. prices.AllPriceIds.Select(price => Item(price, prices))],

                        // Invoiced rather than charged: a customer the platform just created has no payment method, and an
                        // unpaid first invoice would leave an automatically charged subscription incomplete, then expired.
                        CollectionMethod = "send_invoice",
                        DaysUntilDue = options.Value.InvoiceDaysUntilDue,
                        Metadata = metadata,
                    },
                    new RequestOptions { IdempotencyKey = key },
                    cancellationToken);
                subscriptionId = created.Id;
            }
            else
            {
                var held = current.Items.Data.ToDictionary(item => item.Price.Id, item => item.Id, StringComparer.Ordinal);
                var wanted = prices.AllPriceIds.ToHashSet(StringComparer.Ordinal);
                List<SubscriptionItemOptions> items =
                [
                    .. held.Where(item => !wanted.Contains(item.Key)).Select(item => new SubscriptionItemOptions { Id = item.Value, Deleted = true }),
                    .. wanted.Where(price => !held.ContainsKey(price)).Select(price => Item(price, prices)),
                ];

                // Nothing to change means an earlier attempt moved it and crashed before recording that.
                if (items.Count > 0)
                {
                    await service.UpdateAsync(
                        current.Id,
                        new SubscriptionUpdateOptions { Items = items, ProrationBehavior = "create_prorations", Metadata = metadata },
                        new RequestOptions { IdempotencyKey = key },
                        cancellationToken);
                }

                subscriptionId = current.Id;
            }

            return await catalog.UpdateAccountAsync(
                tenantId,
                stored => stored with { StripeSubscriptionId = subscriptionId, SubscribedTo = plan.SubscriptionMark, SubscriptionChanges = change, SubscriptionError = null },
                cancellationToken);
        }
        catch (Exception failed) when (IsStripeFailure(failed) && !cancellationToken.IsCancellationRequested)
        {
            LogSubscriptionFailed(failed, tenantId);
            return await catalog.UpdateAccountAsync(tenantId, stored => stored with { SubscriptionError = failed.Message }, cancellationToken);
        }
    }

    /// <summary>Meters, every plan's prices, every tenant's subscription: what the billing service runs on a timer.</summary>
    public async Task SyncAllAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        await EnsureMetersAsync(cancellationToken);
        foreach (var plan in await catalog.ListPlansAsync(cancellationToken))
        {
            await SyncPlanAsync(plan.Id, cancellationToken);
        }

        var plans = (await catalog.ListPlansAsync(cancellationToken)).ToDictionary(plan => plan.Id, StringComparer.Ordinal);
        foreach (var account in await catalog.ListAccountsAsync(cancellationToken))
        {
            if (account is { PlanId: { } planId, StripeCustomerId: not null } && plans.TryGetValue(planId, out var plan)
                && plan.StripeInSync && account.SubscribedTo != plan.SubscriptionMark)
            {
                await SyncSubscriptionAsync(account.TenantId, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The tenant's subscription made by an earlier attempt whose answer was lost: Stripe forgets idempotency keys after
    /// 24 hours, so a retry later than that would otherwise make a second one.
    /// </summary>
    private static async Task<Subscription?> FindAsync(SubscriptionService service, string customerId, string tenantId, CancellationToken cancellationToken)
    {
        await foreach (var subscription in service.ListAutoPagingAsync(new SubscriptionListOptions { Customer = customerId, Limit = 100 }, cancellationToken: cancellationToken))
        {
            if (subscription.Metadata?.GetValueOrDefault("tenant_id") == tenantId)
            {
                return subscription;
            }
        }

        return null;
    }

    private async Task<PlanStripePrices> CreatePricesAsync(PricePlan plan, CancellationToken cancellationToken)
    {
        var meters = await EnsureMetersAsync(cancellationToken);
        var currency = plan.Currency.ToLowerInvariant();
        var version = Invariant(plan.PriceVersion);
        var productId = plan.Stripe is { Source: PlanStripePrices.Platform, ProductId: { } existing }
            ? existing
            : (await new ProductService(stripe.Client).CreateAsync(
                new ProductCreateOptions { Name = plan.Name, Metadata = new Dictionary<string, string> { ["plan_id"] = plan.Id } },
                new RequestOptions { IdempotencyKey = $"product-{plan.Id}" },
                cancellationToken)).Id;

        var priceService = new PriceService(stripe.Client);
        var metered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var category in MessageCategories.All)
        {
            var price = await priceService.CreateAsync(
                new PriceCreateOptions
                {
                    Product = productId,
                    Currency = currency,
                    Nickname = $"{plan.Name}: {category} messages",
                    BillingScheme = "per_unit",
                    UnitAmountDecimal = StripeAmounts.MinorPerMeterUnit(plan.Currency),
                    Recurring = new PriceRecurringOptions { Interval = "month", UsageType = "metered", Meter = meters[category] },
                    Metadata = new Dictionary<string, string> { ["plan_id"] = plan.Id, ["plan_version"] = version, ["category"] = category },
                },
                new RequestOptions { IdempotencyKey = $"price-{plan.Id}-v{version}-{category}" },
                cancellationToken);
            metered[category] = price.Id;
        }

        string? monthly = null;
        if (plan.MonthlyFee > 0)
        {
            monthly = (await priceService.CreateAsync(
                new PriceCreateOptions
                {
                    Product = productId,
                    Currency = currency,
                    Nickname = $"{plan.Name}: monthly fee",
                    UnitAmountDecimal = StripeAmounts.ToMinor(plan.MonthlyFee, plan.Currency),
                    Recurring = new PriceRecurringOptions { Interval = "month", UsageType = "licensed" },
                    Metadata = new Dictionary<string, string> { ["plan_id"] = plan.Id, ["plan_version"] = version, ["category"] = "monthly_fee" },
                },
                new RequestOptions { IdempotencyKey = $"price-{plan.Id}-v{version}-monthly" },
                cancellationToken)).Id;
        }

        LogPlanPriced(plan.Id, plan.PriceVersion, productId);
        return new PlanStripePrices(PlanStripePrices.Platform, plan.PriceVersion, productId, metered, monthly);
    }

    public void Dispose() => _meterLock.Dispose();

    // Metered prices take no quantity (the meter is the quantity); the monthly fee is one per month.
    private static SubscriptionItemOptions Item(string price, PlanStripePrices prices) =>
        new() { Price = price, Quantity = price == prices.MonthlyPriceId ? 1 : null };

    private static bool IsStripeFailure(Exception failed) =>
        failed is StripeException or StripeSetupException or HttpRequestException or TaskCanceledException;

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(LogLevel.Information, "Created Stripe meter {MeterId} for event {EventName}")]
    private partial void LogMeterCreated(string meterId, string eventName);

    [LoggerMessage(LogLevel.Information, "Price plan {PlanId} version {Version} priced in Stripe (product {ProductId})")]
    private partial void LogPlanPriced(string planId, int version, string productId);

    [LoggerMessage(LogLevel.Warning, "Could not make the Stripe prices of plan {PlanId}; the billing service retries")]
    private partial void LogPlanFailed(Exception exception, string planId);

    [LoggerMessage(LogLevel.Warning, "Could not create or move the Stripe subscription of tenant {TenantId}; the billing service retries")]
    private partial void LogSubscriptionFailed(Exception exception, string tenantId);
}
