namespace Platform.Billing.Ledger;

/// <summary>Why ledger amounts were not (yet) counted in Stripe, as reconciliation explains the difference.</summary>
public static class NotPushedReasons
{
    public const string StripeOff = "stripe_off";
    public const string NoCustomer = "no_stripe_customer";
    public const string OutsideWindow = "older_than_35_days";
    public const string Pending = "pending";
    public const string Refused = "refused_by_stripe";
    public const string Uncertain = "uncertain";
    public const string WrittenOff = "written_off";
}
