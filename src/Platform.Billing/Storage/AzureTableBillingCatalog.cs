using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Platform.Billing.Plans;

namespace Platform.Billing.Storage;

/// <summary>Plans (<c>plan</c>), rates (<c>rate</c>, keyed currency|market) and accounts (<c>account</c>) in one small table.</summary>
public sealed class AzureTableBillingCatalog(TableServiceClient tables, BillingTables names) : IBillingCatalog
{
    private const string Plans = "plan";
    private const string Rates = "rate";
    private const string Accounts = "account";
    private const int MaxAttempts = 10;
    private readonly TableClient _table = tables.GetTableClient(names.Catalog);

    public async Task<IReadOnlyList<PricePlan>> ListPlansAsync(CancellationToken cancellationToken)
    {
        var plans = new List<PricePlan>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Plans, cancellationToken: cancellationToken))
        {
            plans.Add(ToPlan(entity));
        }

        return plans;
    }

    public async Task<PricePlan?> GetPlanAsync(string id, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Plans, id, cancellationToken: cancellationToken);
        return found.HasValue ? ToPlan(found.Value!) : null;
    }

    public async Task<bool> CreatePlanAsync(PricePlan plan, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(ToEntity(plan), cancellationToken);
            return true;
        }
        catch (RequestFailedException failed) when (failed.Status == 409)
        {
            return false;
        }
    }

    public async Task UpdatePlanAsync(PricePlan plan, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(ToEntity(plan), TableUpdateMode.Replace, cancellationToken);

    public async Task<PricePlan?> ChangePlanAsync(string id, Func<PricePlan, PricePlan> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(Plans, id, cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                return null;
            }

            var changed = change(ToPlan(found.Value!));
            try
            {
                await _table.UpdateEntityAsync(ToEntity(changed), found.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return changed;
            }
            catch (RequestFailedException failed) when (failed.Status == 412 && attempt < MaxAttempts)
            {
                // The operator changed the plan while its prices were being made: apply the change to theirs.
            }
        }
    }

    public async Task SaveRatesAsync(IReadOnlyList<MarketRate> rates, CancellationToken cancellationToken)
    {
        foreach (var chunk in rates.Chunk(100))
        {
            await _table.SubmitTransactionAsync(chunk.Select(rate => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(Rates, $"{rate.Currency}|{rate.Market}")
            {
                ["Market"] = rate.Market,
                ["Currency"] = rate.Currency,
                ["Prices"] = JsonSerializer.Serialize(rate.Prices.ToDictionary(p => p.Key, p => p.Value.ToString(CultureInfo.InvariantCulture))),
            })), cancellationToken);
        }
    }

    public async Task<RateCard> GetRateCardAsync(CancellationToken cancellationToken)
    {
        var rates = new List<MarketRate>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Rates, cancellationToken: cancellationToken))
        {
            rates.Add(new MarketRate(entity.GetString("Market"), entity.GetString("Currency"), Amounts(entity.GetString("Prices"))));
        }

        return new RateCard(rates);
    }

    public async Task<BillingAccount?> GetAccountAsync(string tenantId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Accounts, tenantId, cancellationToken: cancellationToken);
        return found.HasValue ? ToAccount(found.Value!) : null;
    }

    public async Task<IReadOnlyList<BillingAccount>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        var accounts = new List<BillingAccount>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Accounts, cancellationToken: cancellationToken))
        {
            accounts.Add(ToAccount(entity));
        }

        return accounts;
    }

    public async Task<BillingAccount> UpdateAccountAsync(string tenantId, Func<BillingAccount, BillingAccount> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(Accounts, tenantId, cancellationToken: cancellationToken);
            var changed = change(found.HasValue ? ToAccount(found.Value!) : new BillingAccount(tenantId));
            try
            {
                if (found.HasValue)
                {
                    await _table.UpdateEntityAsync(ToEntity(changed), found.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await _table.AddEntityAsync(ToEntity(changed), cancellationToken);
                }

                return changed;
            }
            catch (RequestFailedException failed) when (failed.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Someone else changed the account between our read and write: apply the change to theirs.
            }
        }
    }

    private static TableEntity ToEntity(PricePlan plan) => new(Plans, plan.Id)
    {
        ["Name"] = plan.Name,
        ["Currency"] = plan.Currency,
        ["Fees"] = JsonSerializer.Serialize(plan.Fees.ToDictionary(f => f.Key, f => f.Value.ToString(CultureInfo.InvariantCulture))),
        ["MonthlyFee"] = plan.MonthlyFee.ToString(CultureInfo.InvariantCulture),
        ["CreatedAt"] = plan.CreatedAt,
        ["UpdatedAt"] = plan.UpdatedAt,
        ["PriceVersion"] = plan.PriceVersion,
        ["Stripe"] = plan.Stripe is null ? null : JsonSerializer.Serialize(plan.Stripe),
        ["StripeError"] = plan.StripeError,
        ["RateLimit"] = plan.RateLimit is { } limit ? FormattableString.Invariant($"{limit.PermitsPerSecond}/{limit.Burst}") : null,
    };

    private static PricePlan ToPlan(TableEntity e) => new(
        e.RowKey,
        e.GetString("Name"),
        e.GetString("Currency"),
        Amounts(e.GetString("Fees")),
        decimal.Parse(e.GetString("MonthlyFee"), CultureInfo.InvariantCulture),
        e.GetDateTimeOffset("CreatedAt")!.Value,
        e.GetDateTimeOffset("UpdatedAt")!.Value)
    {
        PriceVersion = e.GetInt32("PriceVersion") ?? 1,
        Stripe = e.GetString("Stripe") is { } stripe ? JsonSerializer.Deserialize<PlanStripePrices>(stripe) : null,
        StripeError = e.GetString("StripeError"),
        RateLimit = e.GetString("RateLimit")?.Split('/') is [var permits, var burst]
            ? new PlanRateLimit(int.Parse(permits, CultureInfo.InvariantCulture), int.Parse(burst, CultureInfo.InvariantCulture))
            : null,
    };

    private static TableEntity ToEntity(BillingAccount account) => new(Accounts, account.TenantId)
    {
        ["PlanId"] = account.PlanId,
        ["StripeCustomerId"] = account.StripeCustomerId,
        ["MonthlySpendLimit"] = account.MonthlySpendLimit?.ToString(CultureInfo.InvariantCulture),
        ["SpendMonth"] = account.SpendMonth,
        ["MonthSpend"] = account.MonthSpend.ToString(CultureInfo.InvariantCulture),
        ["NotifiedPercent"] = account.NotifiedPercent,
        ["StripeSubscriptionId"] = account.StripeSubscriptionId,
        ["SubscribedTo"] = account.SubscribedTo,
        ["SubscriptionChanges"] = account.SubscriptionChanges,
        ["SubscriptionError"] = account.SubscriptionError,
    };

    private static BillingAccount ToAccount(TableEntity e) => new(e.RowKey)
    {
        PlanId = e.GetString("PlanId"),
        StripeCustomerId = e.GetString("StripeCustomerId"),
        MonthlySpendLimit = e.GetString("MonthlySpendLimit") is { } limit ? decimal.Parse(limit, CultureInfo.InvariantCulture) : null,
        SpendMonth = e.GetString("SpendMonth"),
        MonthSpend = e.GetString("MonthSpend") is { } spend ? decimal.Parse(spend, CultureInfo.InvariantCulture) : 0m,
        NotifiedPercent = e.GetInt32("NotifiedPercent") ?? 0,
        StripeSubscriptionId = e.GetString("StripeSubscriptionId"),
        SubscribedTo = e.GetString("SubscribedTo"),
        SubscriptionChanges = e.GetInt32("SubscriptionChanges") ?? 0,
        SubscriptionError = e.GetString("SubscriptionError"),
    };

    private static Dictionary<string, decimal> Amounts(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json)!.ToDictionary(p => p.Key, p => decimal.Parse(p.Value, CultureInfo.InvariantCulture));
}
