using Microsoft.Extensions.Options;
using Platform.Billing.Hosting;

namespace Platform.Billing.StripeSync;

/// <summary>
/// Runs <see cref="StripeCatalogSync.SyncAllAsync"/> at start and every <see cref="BillingOptions.StripeSyncInterval"/>:
/// the durable retry of what the API tried inline (the catalog says what Stripe should hold), and the move of every
/// subscription after a plan's prices changed. Nothing runs while Stripe is off.
/// </summary>
public sealed partial class StripeCatalogService(StripeCatalogSync sync, IOptions<BillingOptions> options, TimeProvider time, ILogger<StripeCatalogService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sync.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sync.SyncAllAsync(stoppingToken);
            }
            catch (Exception failed) when (!stoppingToken.IsCancellationRequested)
            {
                LogSyncFailed(failed);
            }

            try
            {
                await Task.Delay(options.Value.StripeSyncInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Stripe catalog sync failed; retrying next interval")]
    private partial void LogSyncFailed(Exception exception);
}
