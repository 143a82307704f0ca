using Microsoft.Extensions.Options;
using Platform.Grains.Deliveries;

namespace Platform.Host.Webhooks;

/// <summary>
/// Wakes every endpoint schedule that has deliveries waiting, once at start-up and then every
/// <see cref="WebhookDeliveryOptions.WakeInterval"/>: retry timers live in memory, so after a restart (or a silo lost) this is
/// what resumes them. Waking an active schedule costs one grain call.
/// </summary>
internal sealed partial class PendingDeliveryWaker(
    IGrainFactory grains,
    IPendingDeliveryIndex index,
    IOptions<WebhookDeliveryOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<PendingDeliveryWaker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.WakeInterval);
        do
        {
            try
            {
                await foreach (var key in index.ListAsync(stoppingToken))
                {
                    await grains.GetGrain<IWebhookDeliveryGrain>(key.ToString()).WakeAsync();
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogWakeFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(started.SetResult);
        await Task.WhenAny(started.Task, Task.Delay(Timeout.Infinite, stoppingToken));
        return started.Task.IsCompleted;
    }

    [LoggerMessage(LogLevel.Warning, "Waking the webhook retry schedules failed; the next round tries again")]
    private partial void LogWakeFailed(Exception exception);
}
