using Azure.Data.Tables;
using Platform.Grains.Messages;

namespace Platform.Host.Hosting;

/// <summary>Creates the history tables before the host serves traffic.</summary>
internal sealed class TableInitializer(TableServiceClient tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => AzureTableMessageStore.CreateTablesAsync(tables, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
