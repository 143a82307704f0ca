using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Platform.Billing.Storage;
using Platform.Billing.StripeSync;

namespace Platform.Billing.Hosting;

/// <summary>Creates the billing tables before anything reads them, and says where usage goes.</summary>
internal sealed partial class BillingTableInitializer(TableServiceClient tables, BillingTables names, IOptions<StripeOptions> stripe, ILogger<BillingTableInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await names.CreateAsync(tables, cancellationToken);
        LogMode(stripe.Value.Enabled ? "pushed to Stripe (Stripe__ApiKey)" : "recorded only: Stripe is off (set Stripe__ApiKey to push)");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Billing: usage ledger in Azure Table storage; usage {Mode}")]
    private partial void LogMode(string mode);
}
