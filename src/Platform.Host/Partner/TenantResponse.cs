using Platform.Grains.Tenants;

namespace Platform.Host.Partner;

/// <summary>A tenant as the partner API shows it.</summary>
public sealed record TenantResponse(
    string Id, string Name, string Status, string? StatusReason, DateTimeOffset? StatusChangedAt, string? ContactEmail, string? Country,
    string? ExternalReference, KeyRateLimit? RateLimit, DateTimeOffset CreatedAt)
{
    public static TenantResponse From(TenantProfile profile) => new(
        profile.Id, profile.Name, profile.Status, profile.StatusReason, profile.StatusChangedAt, profile.ContactEmail, profile.Country,
        profile.ExternalReference, profile.RateLimit, profile.CreatedAt);
}
