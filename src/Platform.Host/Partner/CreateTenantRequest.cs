namespace Platform.Host.Partner;

/// <summary>Body of <c>POST /partner/v1/tenants</c>.</summary>
public sealed record CreateTenantRequest(string? Name);
