using Azure.Data.Tables;
using Platform.Grains.Deliveries;
using Platform.Grains.Messages;

namespace Platform.Host.Hosting;

/// <summary>Creates the history tables before the host serves traffic.</summary>
internal sealed class TableInitializer(TableServiceClient tables) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await AzureTableMessageStore.CreateTablesAsync(tables, cancellationToken);
        await AzureTableDeliveryAttemptStore.CreateTableAsync(tables, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
