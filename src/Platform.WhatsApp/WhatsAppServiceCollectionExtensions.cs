using Microsoft.Extensions.DependencyInjection;
using Platform.WhatsApp.Channels;
using Platform.WhatsApp.Sandbox;

namespace Platform.WhatsApp;

public static class WhatsAppServiceCollectionExtensions
{
    /// <summary>Registers the WhatsApp channels phone numbers can choose.</summary>
    public static IServiceCollection AddWhatsAppChannels(this IServiceCollection services)
    {
        services.AddSingleton<IWhatsAppChannel, SandboxChannel>();
        services.AddSingleton<WhatsAppChannels>();
        return services;
    }
}
