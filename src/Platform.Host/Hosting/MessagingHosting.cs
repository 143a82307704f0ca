using MassTransit;
using Platform.Billing.Hosting;
using Platform.Host.Inbound;
using Platform.Host.Outbound;
using Platform.Host.Webhooks;

namespace Platform.Host.Hosting;

public static class MessagingHosting
{
    /// <summary>
    /// The queues between the edge, the grains and the outside world: MassTransit's in-memory transport when embedded,
    /// RabbitMQ when <c>ConnectionStrings__RabbitMq</c> is set. Same consumers and definitions either way.
    /// </summary>
    public static WebApplicationBuilder AddPlatformMessaging(this WebApplicationBuilder builder, PlatformMode mode)
    {
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumer<SendWhatsAppMessageConsumer, SendWhatsAppMessageConsumerDefinition>();
            bus.AddConsumer<WhatsAppUpdatesConsumer, WhatsAppUpdatesConsumerDefinition>();
            bus.AddConsumer<TenantEventFanOutConsumer, TenantEventFanOutConsumerDefinition>();
            bus.AddConsumer<DeliverTenantEventConsumer, DeliverTenantEventConsumerDefinition>();
            bus.AddConsumer<PhoneNumberQualityChangedConsumer, PhoneNumberQualityChangedConsumerDefinition>();
            bus.AddConsumer<TemplateStatusTenantEventConsumer, TemplateStatusTenantEventConsumerDefinition>();
            if (!mode.UsesRabbitMq) { bus.AddBillingConsumers(); }
            bus.AddConsumer<Templates.TemplateStatusChangedConsumer, Templates.TemplateStatusChangedConsumerDefinition>();
            bus.AddConsumer<Contacts.MarketingPreferenceChangedConsumer, Contacts.MarketingPreferenceChangedConsumerDefinition>();
            bus.AddConsumer<PhoneNumbers.PhoneNumberQualityRecorder, PhoneNumbers.PhoneNumberQualityRecorderDefinition>();

            if (mode.RabbitMq is { } connectionString)
            {
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(new Uri(connectionString));
                    rabbit.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, memory) => memory.ConfigureEndpoints(context));
            }
        });
        return builder;
    }
}
