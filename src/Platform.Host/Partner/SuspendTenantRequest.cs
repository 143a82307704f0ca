namespace Platform.Host.Partner;

/// <summary>Body of <c>POST /partner/v1/tenants/{id}/suspend</c>: the reason the tenant sees on every refused write.</summary>
public sealed record SuspendTenantRequest(string? Reason);
