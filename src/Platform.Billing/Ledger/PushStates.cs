namespace Platform.Billing.Ledger;

/// <summary>Where a <see cref="MeterPush"/> group stands.</summary>
public static class PushStates
{
    /// <summary>Created, its rows assigned; not yet acknowledged by Stripe.</summary>
    public const string Pending = "pending";

    /// <summary>Stripe accepted it (or already held its identifier).</summary>
    public const string Pushed = "pushed";

    /// <summary>Stripe refused it for good (an unknown customer, a bad meter name).</summary>
    public const string Refused = "refused";

    /// <summary>Its timestamp left Stripe's 35-day window before it could be pushed.</summary>
    public const string Expired = "expired";

    /// <summary>
    /// Still pending after Stripe's identifier and idempotency memory (about 24 h) may have lapsed: pushing it again could
    /// count it twice, so it waits for the operator, who checks Stripe's meter summaries.
    /// </summary>
    public const string Uncertain = "uncertain";

    /// <summary>Recorded while Stripe was off: never pushed.</summary>
    public const string StripeOff = "stripe_off";

    /// <summary>
    /// The operator resolved an uncertain or refused push as not to be billed through Stripe (invoiced by hand, or
    /// forgiven): never pushed, and reconciliation shows it as written off.
    /// </summary>
    public const string WrittenOff = "written_off";

    /// <summary>Nothing to charge (free messages on a plan without a fee for them): nothing to push.</summary>
    public const string Free = "free";
}
