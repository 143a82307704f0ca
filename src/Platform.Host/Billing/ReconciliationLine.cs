namespace Platform.Host.Billing;

/// <summary>
/// Ledger against Stripe for one tenant, category and currency: what the ledger holds, what Stripe acknowledged (of which
/// <see cref="ConfirmedByOperator"/> the operator confirmed for pushes Stripe never answered), and the difference split by
/// reason (<c>pending</c>, <c>stripe_off</c>, <c>no_stripe_customer</c>, <c>older_than_35_days</c>, <c>refused_by_stripe</c>,
/// <c>uncertain</c>, <c>written_off</c>).
/// </summary>
public sealed record ReconciliationLine(
    string TenantId,
    string Category,
    string Currency,
    int Messages,
    string LedgerAmount,
    string PushedAmount,
    string Difference,
    IReadOnlyDictionary<string, string> NotPushed,
    int RateMissing,
    string ConfirmedByOperator);
