namespace Platform.Host.Media;

/// <summary>Creates the media container and tables before the host serves traffic.</summary>
internal sealed class MediaStorageInitializer(AzureMediaStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.CreateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
