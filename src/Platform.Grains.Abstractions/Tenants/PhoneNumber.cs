namespace Platform.Grains.Tenants;

/// <summary>A WhatsApp business phone number of a tenant. <see cref="PhoneNumberId"/> is Meta's id; <see cref="Id"/> is ours.</summary>
[GenerateSerializer, Immutable, Alias("Platform.PhoneNumber")]
public sealed record PhoneNumber(
    [property: Id(0)] string Id,
    [property: Id(1)] string PhoneNumberId,
    [property: Id(2)] string DisplayPhoneNumber,
    [property: Id(3)] string Channel,
    [property: Id(4)] string Status,
    [property: Id(5)] DateTimeOffset CreatedAt);
