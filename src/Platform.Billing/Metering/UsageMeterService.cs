using Microsoft.Extensions.Options;
using Platform.Billing.Hosting;

namespace Platform.Billing.Metering;

/// <summary>Runs the <see cref="UsageMeter"/> whenever rows arrive, and at least every <see cref="BillingOptions.PushInterval"/>.</summary>
public sealed partial class UsageMeterService(UsageMeter meter, MeterSignal signal, IOptions<BillingOptions> options, ILogger<UsageMeterService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await meter.RunOnceAsync(stoppingToken);
            }
            catch (Exception failed) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage or Stripe is down: everything is in the ledger, and the next cycle carries on from it.
                LogCycleFailed(failed);
            }

            try
            {
                if (await signal.WaitAsync(options.Value.PushInterval, stoppingToken))
                {
                    await Task.Delay(options.Value.Coalesce, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Usage meter cycle failed; retrying next cycle")]
    private partial void LogCycleFailed(Exception exception);
}
