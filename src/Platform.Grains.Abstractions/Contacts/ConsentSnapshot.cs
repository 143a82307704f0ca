namespace Platform.Grains.Contacts;

/// <summary>
/// A contact's consent now: <see cref="OptedIn"/> allows templates; <see cref="OptedOut"/> blocks every template until the
/// customer opts in again; <see cref="MarketingOptedOut"/> blocks MARKETING templates only.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.ConsentSnapshot")]
public sealed record ConsentSnapshot(
    [property: Id(0)] bool OptedIn,
    [property: Id(1)] bool OptedOut,
    [property: Id(2)] bool MarketingOptedOut,
    [property: Id(3)] DateTimeOffset? ChangedAt)
{
    /// <summary>A customer we know nothing about: no opt-in, no opt-out.</summary>
    public static ConsentSnapshot Unknown { get; } = new(false, false, false, null);
}
