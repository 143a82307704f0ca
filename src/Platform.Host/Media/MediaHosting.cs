using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Platform.Host.Hosting;
using Platform.WhatsApp.Media;

namespace Platform.Host.Media;

public static class MediaHosting
{
    /// <summary>
    /// The media store (Azure Blob and Table storage when configured, memory otherwise), Meta's media endpoints, inbound
    /// fetching, and the Cloud API channel's translation of our media ids into Meta's.
    /// </summary>
    public static WebApplicationBuilder AddPlatformMedia(this WebApplicationBuilder builder, PlatformMode mode, StartupReport report)
    {
        var services = builder.Services;
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (mode.AzureStorage is { } connectionString)
        {
            services.AddSingleton(provider => new AzureMediaStore(
                new BlobServiceClient(connectionString), provider.GetService<TableServiceClient>() ?? new TableServiceClient(connectionString)));
            services.AddSingleton<IMediaStore>(provider => provider.GetRequiredService<AzureMediaStore>());
            services.AddHostedService<MediaStorageInitializer>();
            report.Add("Media: Azure Blob storage, container 'media' (ConnectionStrings__AzureStorage)");
        }
        else
        {
            services.AddSingleton<IMediaStore, InMemoryMediaStore>();
            report.Add("Media: in memory (embedded; set ConnectionStrings__AzureStorage for Azure Blob storage)");
        }

        services.AddHttpClient<GraphMediaClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<CloudMediaUploads>();
        services.AddSingleton<IMediaIdResolver>(provider => provider.GetRequiredService<CloudMediaUploads>());
        services.AddSingleton<InboundMedia>();
        services.AddSingleton<MediaSendCheck>();
        services.AddSingleton<MediaUploader>();
        return builder;
    }
}
