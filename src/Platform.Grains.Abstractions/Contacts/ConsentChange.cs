namespace Platform.Grains.Contacts;

/// <summary>One consent change: what (<see cref="ConsentKinds"/>), from where (<see cref="ConsentSources"/>), the proof, and when.</summary>
[GenerateSerializer, Immutable, Alias("Platform.ConsentChange")]
public sealed record ConsentChange(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Source,
    [property: Id(2)] string? Proof,
    [property: Id(3)] DateTimeOffset At)
{
    /// <summary>The business number the change came through (a keyword, Meta's update), when it came through one.</summary>
    [Id(4)] public string? PhoneNumberId { get; init; }
}
