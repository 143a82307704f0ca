namespace Platform.Host.Billing;

public sealed record PricePlanListResponse(IReadOnlyList<PricePlanResponse> Data);
