namespace Platform.Host.Billing;

/// <summary>Answer of <c>GET /v1/usage</c> and <c>GET /partner/v1/usage</c>.</summary>
public sealed record UsageResponse(string From, string To, IReadOnlyList<UsageLine> Lines);
