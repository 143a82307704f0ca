using MassTransit;
using Platform.Billing.Plans;
using Platform.Contracts.Tenants;

namespace Platform.Billing.StripeSync;

/// <summary>
/// Gives a new tenant its Stripe customer: the one the operator named, or one created with an idempotency key derived
/// from the tenant id, so a redelivered event or a retry after a crash finds the same customer.
/// </summary>
public sealed class TenantCreatedConsumer(IBillingCatalog catalog, StripeGateway stripe, StripeCatalogSync sync) : IConsumer<TenantCreated>
{
    public async Task Consume(ConsumeContext<TenantCreated> context)
    {
        var tenant = context.Message;
        var account = await catalog.GetAccountAsync(tenant.TenantId, context.CancellationToken);
        if (account?.StripeCustomerId is not null)
        {
            await sync.SyncSubscriptionAsync(tenant.TenantId, context.CancellationToken);
            return;
        }

        var customerId = tenant.StripeCustomerId
            ?? (stripe.Enabled ? await stripe.CreateCustomerAsync(tenant.TenantId, tenant.Name, context.CancellationToken) : null);
        await catalog.UpdateAccountAsync(
            tenant.TenantId,
            current => current with { StripeCustomerId = current.StripeCustomerId ?? customerId },
            context.CancellationToken);

        // A plan assigned before the customer existed is subscribed now rather than at the next sync.
        await sync.SyncSubscriptionAsync(tenant.TenantId, context.CancellationToken);
    }
}
