using System.Net;
using Azure.Data.Tables;
using Orleans.Configuration;
using Platform.Grains.Storage;
using Platform.Host.Health;
using Platform.ServiceDefaults;

namespace Platform.Host.Hosting;

public static class OrleansHosting
{
    /// <summary>
    /// Runs an Orleans silo in this process: localhost clustering and memory grain storage when embedded, Azure Table
    /// clustering and grain storage when <c>ConnectionStrings__AzureStorage</c> is set.
    /// </summary>
    public static WebApplicationBuilder AddPlatformSilo(this WebApplicationBuilder builder, PlatformMode mode)
    {
        var options = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        builder.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("orleans-silo", tags: [HealthTags.Ready]);

        builder.UseOrleans(silo =>
        {
            // Carries the caller's trace into grain calls, so one trace spans the API, the grains and the queues.
            silo.AddActivityPropagation();
            if (mode.AzureStorage is { } connectionString)
            {
                var tables = new TableServiceClient(connectionString);
                silo.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = options.ClusterId;
                    cluster.ServiceId = options.ServiceId;
                });
                silo.UseAzureStorageClustering(clustering => clustering.TableServiceClient = tables);
                silo.ConfigureEndpoints(AdvertisedAddress(options), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
                // Cleared state deletes its row: an erased contact's row key holds the customer's number.
                silo.AddAzureTableGrainStorage(GrainStorage.Platform, storage => (storage.TableServiceClient, storage.DeleteStateOnClear) = (tables, true));
                if (!string.IsNullOrEmpty(builder.Configuration["POD_NAMESPACE"]))
                {
                    // In Kubernetes (the chart sets POD_NAME/POD_NAMESPACE): silo named after its pod, dead pods' silos declared dead at once.
                    silo.UseKubernetesHosting();
                }
            }
            else
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, options.ServiceId, options.ClusterId);
                silo.AddMemoryGrainStorage(GrainStorage.Platform);
            }
        });
        return builder;
    }

    private static IPAddress AdvertisedAddress(SiloOptions options)
    {
        if (options.AdvertisedIPAddress is { } configured)
        {
            return IPAddress.TryParse(configured, out var address)
                ? address
                : throw new InvalidOperationException($"Orleans:AdvertisedIPAddress '{configured}' is not an IP address.");
        }

        return Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(address => address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(address))
            ?? IPAddress.Loopback;
    }
}
