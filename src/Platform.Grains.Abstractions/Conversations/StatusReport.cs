namespace Platform.Grains.Conversations;

/// <summary>A delivery status Meta (or the sandbox) reported for a message of this conversation.</summary>
[GenerateSerializer, Immutable, Alias("Platform.StatusReport")]
public sealed record StatusReport(
    [property: Id(0)] string Wamid,
    [property: Id(1)] string? MessageId,
    [property: Id(2)] string Status,
    [property: Id(3)] DateTimeOffset Timestamp,
    [property: Id(4)] MessageFailure? Failure,
    [property: Id(5)] string? Pricing);
