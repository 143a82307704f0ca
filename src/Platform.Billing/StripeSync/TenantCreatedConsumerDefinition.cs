using MassTransit;

namespace Platform.Billing.StripeSync;

/// <summary>Stripe outages are retried in-process for about a minute, then the event waits in the error queue for replay.</summary>
public sealed class TenantCreatedConsumerDefinition : ConsumerDefinition<TenantCreatedConsumer>
{
    public TenantCreatedConsumerDefinition()
    {
        EndpointName = "billing-tenant-created";
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TenantCreatedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(200, 1_000, 5_000, 15_000, 30_000));
}
