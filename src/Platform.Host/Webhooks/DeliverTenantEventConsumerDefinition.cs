using MassTransit;

namespace Platform.Host.Webhooks;

/// <summary>
/// Each delivery waits on a tenant's server, so many run at once. Retries here are short and in-process: Debian's
/// RabbitMQ has no delayed-message plugin, so retries over hours need a durable schedule of our own.
/// </summary>
internal sealed class DeliverTenantEventConsumerDefinition : ConsumerDefinition<DeliverTenantEventConsumer>
{
    public DeliverTenantEventConsumerDefinition() => Endpoint(endpoint =>
    {
        endpoint.PrefetchCount = 256;
        endpoint.ConcurrentMessageLimit = 256;
    });

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DeliverTenantEventConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(1_000, 5_000, 15_000, 30_000));
}
