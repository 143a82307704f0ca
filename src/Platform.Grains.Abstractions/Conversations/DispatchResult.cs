namespace Platform.Grains.Conversations;

/// <summary>
/// What handing a message to its channel came to: done (sent, failed for good, or handed over before), or to be tried again
/// after <see cref="RetryAfter"/> (Meta's rate limits, outages, the customer's pace).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.DispatchResult")]
public sealed record DispatchResult([property: Id(0)] TimeSpan? RetryAfter)
{
    public static DispatchResult Done { get; } = new((TimeSpan?)null);

    public bool IsDone => RetryAfter is null;
}
