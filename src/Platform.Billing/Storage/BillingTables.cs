using Azure.Data.Tables;

namespace Platform.Billing.Storage;

/// <summary>
/// The billing service's Azure tables, created at start-up by whichever process starts first. A prefix
/// (<c>Billing__TablePrefix</c>) lets several platforms, or test runs, share one storage account.
/// </summary>
public sealed class BillingTables(string prefix)
{
    public string Ledger => $"{prefix}UsageLedger";

    public string Dirty => $"{prefix}UsageDirty";

    public string Summaries => $"{prefix}UsageSummaries";

    public string Catalog => $"{prefix}BillingCatalog";

    public async Task CreateAsync(TableServiceClient tables, CancellationToken cancellationToken)
    {
        foreach (var name in new[] { Ledger, Dirty, Summaries, Catalog })
        {
            await tables.CreateTableIfNotExistsAsync(name, cancellationToken);
        }
    }
}
