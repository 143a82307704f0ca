using Microsoft.Extensions.Options;
using Platform.Host.Hosting;

namespace Platform.Host.Webhooks;

public static class WebhooksHosting
{
    /// <summary>Webhook delivery settings and the SSRF-guarded HTTP client deliveries use.</summary>
    public static WebApplicationBuilder AddPlatformWebhooks(this WebApplicationBuilder builder, PlatformMode mode, StartupReport report)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .PostConfigure(options => options.AllowPrivateNetworks ??= mode.IsFullyEmbedded);

        var allowPrivate = builder.Configuration.GetValue<bool?>($"{WebhookOptions.Section}:AllowPrivateNetworks") ?? mode.IsFullyEmbedded;
        if (allowPrivate)
        {
            report.Add("Webhooks: endpoints may use http and private addresses such as 127.0.0.1 (Webhooks__AllowPrivateNetworks); never in production");
        }

        builder.Services.AddHttpClient(DeliverTenantEventConsumer.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => WebhookHttpHandler.Create(allowPrivate))
            .ConfigureHttpClient((services, client) => client.Timeout = services.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout);
        return builder;
    }
}
