namespace Platform.Host.Billing;

/// <summary>Body of <c>PUT /partner/v1/tenants/{id}/billing/plan</c>.</summary>
public sealed record AssignPlanRequest(string? PlanId);
