namespace Platform.Billing.Ledger;

/// <summary>What came of an operator's resolution: the push as it is now, or why it was not changed.</summary>
public sealed record PushResolution(PushResolution.Result Outcome, MeterPush? Push, string? Problem = null)
{
    public enum Result
    {
        /// <summary>The push changed as asked.</summary>
        Resolved,

        /// <summary>The same resolution was applied before (a repeated request): nothing changed.</summary>
        AlreadyResolved,

        NotFound,

        /// <summary>The push is not in a state this resolution applies to, or changed while being resolved.</summary>
        Conflict,
    }
}
