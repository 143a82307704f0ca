namespace Platform.Billing.SpendLimits;

/// <summary>
/// The send path's question: may this tenant send more this month? Answered from a cached read of the month-to-date
/// spend the billing service keeps, so it costs no table scan and no call to Stripe.
/// </summary>
public interface ISpendLimits
{
    Task<SpendCheck> CheckAsync(string tenantId, CancellationToken cancellationToken = default);
}
