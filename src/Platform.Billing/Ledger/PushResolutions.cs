namespace Platform.Billing.Ledger;

/// <summary>What the operator may decide about an uncertain or refused push.</summary>
public static class PushResolutions
{
    /// <summary>Stripe holds the event (seen in its meter event summaries): counted as pushed, never sent again.</summary>
    public const string Pushed = "pushed";

    /// <summary>Stripe does not hold it: send it again, under a new identifier, with the tenant's current customer.</summary>
    public const string Retry = "retry";

    /// <summary>Not to be billed through Stripe: never sent, shown as written off.</summary>
    public const string WriteOff = "write_off";

    public static readonly IReadOnlyList<string> All = [Pushed, Retry, WriteOff];
}
