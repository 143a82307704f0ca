using Azure.Data.Tables;
using Platform.Grains.Deliveries;
using Platform.Grains.Messages;
using Platform.Host.Health;
using Platform.ServiceDefaults;

namespace Platform.Host.Hosting;

public static class StorageHosting
{
    /// <summary>The message history: in memory when embedded, Azure Table storage when configured.</summary>
    public static WebApplicationBuilder AddPlatformStorage(this WebApplicationBuilder builder, PlatformMode mode)
    {
        if (mode.AzureStorage is { } connectionString)
        {
            builder.Services.AddSingleton(new TableServiceClient(connectionString));
            builder.Services.AddSingleton<IMessageStore, AzureTableMessageStore>();
            builder.Services.AddSingleton<IDeadLetterStore, AzureTableDeadLetterStore>();
            builder.Services.AddSingleton<IPendingDeliveryIndex, AzureTablePendingDeliveryIndex>();
            builder.Services.AddSingleton<IDeliveryAttemptStore, AzureTableDeliveryAttemptStore>();
            builder.Services.AddHostedService<TableInitializer>();
            builder.Services.AddHealthChecks().AddCheck<TableStorageHealthCheck>("azure-table-storage", tags: [HealthTags.Ready]);
        }
        else
        {
            builder.Services.AddSingleton<IMessageStore, InMemoryMessageStore>();
            builder.Services.AddSingleton<IDeadLetterStore, InMemoryDeadLetterStore>();
            builder.Services.AddSingleton<IPendingDeliveryIndex, InMemoryPendingDeliveryIndex>();
            builder.Services.AddSingleton<IDeliveryAttemptStore, InMemoryDeliveryAttemptStore>();
        }

        return builder;
    }
}
