using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Grains.Messages;

namespace Platform.Host.Health;

/// <summary>Ready only when Azure Table storage answers: every write of state and history goes there.</summary>
internal sealed class TableStorageHealthCheck(TableServiceClient tables) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            // A point read of a row that never exists: the cheapest call that proves the table answers.
            await tables.GetTableClient(AzureTableMessageStore.MessagesTable)
                .GetEntityIfExistsAsync<TableEntity>("~health", "~health", cancellationToken: timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Azure Table storage does not answer.", exception);
        }
    }
}
