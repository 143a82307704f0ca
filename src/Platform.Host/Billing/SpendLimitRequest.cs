namespace Platform.Host.Billing;

/// <summary>Body of <c>PUT /partner/v1/tenants/{id}/billing/spend-limit</c>: a monthly limit such as <c>"500.00"</c>, or null for none.</summary>
public sealed record SpendLimitRequest(string? MonthlyLimit);
