using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.WhatsApp.Channels;
using Platform.WhatsApp.CloudApi;
using Platform.WhatsApp.Sandbox;

namespace Platform.WhatsApp;

public static class WhatsAppServiceCollectionExtensions
{
    /// <summary>
    /// Registers the WhatsApp channels phone numbers can choose. The Cloud API channel needs an <see cref="IAccessTokenSource"/>
    /// from the host, which holds the numbers' encrypted tokens; a host of several processes registers its
    /// <see cref="IClusterShare"/> first.
    /// </summary>
    public static IServiceCollection AddWhatsAppChannels(this IServiceCollection services)
    {
        services.AddOptions<CloudApiOptions>().BindConfiguration(CloudApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IClusterShare, SingleProcessShare>();
        services.AddSingleton<PhoneNumberPacer>();
        services.AddHttpClient<CloudApiChannel>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<IWhatsAppChannel>(provider => provider.GetRequiredService<CloudApiChannel>());
        services.AddSingleton<IWhatsAppChannel, SandboxChannel>();
        services.AddSingleton<WhatsAppChannels>();
        return services;
    }
}
