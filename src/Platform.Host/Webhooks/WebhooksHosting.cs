using Microsoft.Extensions.Options;
using Platform.Grains.Deliveries;
using Platform.Host.Hosting;
using Platform.Host.MetaWebhooks;

namespace Platform.Host.Webhooks;

public static class WebhooksHosting
{
    /// <summary>
    /// Meta's webhook settings, tenant webhook delivery (settings, the SSRF-guarded HTTP client, the retry schedules' sender
    /// and the waker that resumes them after a restart).
    /// </summary>
    public static WebApplicationBuilder AddPlatformWebhooks(this WebApplicationBuilder builder, StartupReport report)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .PostConfigure(options => options.AllowPrivateTargets ??= development);
        builder.Services.AddOptions<WebhookDeliveryOptions>().BindConfiguration(WebhookOptions.Section)
            .Validate(options => options.RetryBaseDelay > TimeSpan.Zero && options.RetryFor > TimeSpan.Zero && options.MaxPending > 1 && options.LeaseTimeout > TimeSpan.Zero,
                "Webhooks__RetryBaseDelay, Webhooks__RetryFor and Webhooks__LeaseTimeout must be positive and Webhooks__MaxPending at least 2.")
            .ValidateOnStart();
        builder.Services.AddOptions<MetaWebhookOptions>().BindConfiguration(MetaWebhookOptions.Section);

        var allowPrivate = builder.Configuration.GetValue<bool?>($"{WebhookOptions.Section}:AllowPrivateTargets") ?? development;
        report.Add(allowPrivate
            ? "Webhooks: endpoints may use http and private addresses such as 127.0.0.1 (Webhooks__AllowPrivateTargets; default only in Development); never in production"
            : "Webhooks: endpoints must be https on public addresses (production mode)");
        report.Add(string.IsNullOrEmpty(builder.Configuration[$"{MetaWebhookOptions.Section}:AppSecret"])
            ? "Meta webhooks: WhatsApp__AppSecret is not set, so /webhooks/whatsapp refuses every POST (401)"
            : "Meta webhooks: /webhooks/whatsapp verifies X-Hub-Signature-256 with WhatsApp__AppSecret");

        builder.Services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => WebhookHttpHandler.Create(allowPrivate))
            .ConfigureHttpClient((services, client) => client.Timeout = services.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout);
        builder.Services.AddSingleton<IWebhookSender, WebhookSender>();
        builder.Services.AddSingleton<EndpointBulkhead>();
        builder.Services.AddHostedService<PendingDeliveryWaker>();
        return builder;
    }
}
