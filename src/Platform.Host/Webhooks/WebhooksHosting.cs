using Microsoft.Extensions.Options;
using Platform.Host.Hosting;

namespace Platform.Host.Webhooks;

public static class WebhooksHosting
{
    /// <summary>Webhook delivery settings and the SSRF-guarded HTTP client deliveries use.</summary>
    public static WebApplicationBuilder AddPlatformWebhooks(this WebApplicationBuilder builder, StartupReport report)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .PostConfigure(options => options.AllowPrivateTargets ??= development);

        var allowPrivate = builder.Configuration.GetValue<bool?>($"{WebhookOptions.Section}:AllowPrivateTargets") ?? development;
        report.Add(allowPrivate
            ? "Webhooks: endpoints may use http and private addresses such as 127.0.0.1 (Webhooks__AllowPrivateTargets; default only in Development); never in production"
            : "Webhooks: endpoints must be https on public addresses (production mode)");

        builder.Services.AddHttpClient(DeliverTenantEventConsumer.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => WebhookHttpHandler.Create(allowPrivate))
            .ConfigureHttpClient((services, client) => client.Timeout = services.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout);
        return builder;
    }
}
