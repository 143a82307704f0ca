namespace Platform.Grains.Tenants;

/// <summary>
/// A WhatsApp business phone number of a tenant. <see cref="PhoneNumberId"/> is Meta's id; <see cref="Id"/> is ours. For
/// <c>cloud_api</c> numbers, <see cref="ProtectedAccessToken"/> is Meta's access token encrypted at rest (never shown).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.PhoneNumber")]
public sealed record PhoneNumber(
    [property: Id(0)] string Id,
    [property: Id(1)] string PhoneNumberId,
    [property: Id(2)] string DisplayPhoneNumber,
    [property: Id(3)] string Channel,
    [property: Id(4)] string Status,
    [property: Id(5)] DateTimeOffset CreatedAt)
{
    [Id(6)] public string? WabaId { get; init; }

    [Id(7)] public string? VerifiedName { get; init; }

    [Id(8)] public string? QualityRating { get; init; }

    [Id(9)] public string? ProtectedAccessToken { get; init; }

    /// <summary>Meta's messaging limit tier (<c>TIER_1K</c>, …), from its quality updates.</summary>
    [Id(10)] public string? MessagingLimit { get; init; }

    /// <summary>Meta's last quality event for the number (<c>FLAGGED</c>, <c>UNFLAGGED</c>, <c>UPGRADE</c>, <c>DOWNGRADE</c>, …).</summary>
    [Id(11)] public string? QualityEvent { get; init; }
}
