namespace Platform.Host.Partner;

/// <summary>Body of <c>POST /partner/v1/tenants</c> and <c>PATCH /partner/v1/tenants/{id}</c> (where every field is optional).</summary>
public sealed record CreateTenantRequest(string? Name, string? ContactEmail, string? Country, string? ExternalReference, RateLimitRequest? RateLimit = null);
