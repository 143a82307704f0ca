namespace Platform.Host.Billing;

/// <summary>
/// Body of <c>POST /partner/v1/usage/pushes/{id}/resolve</c>: <c>outcome</c> is <c>pushed</c> (Stripe holds it: seen in
/// its meter event summaries), <c>retry</c> (Stripe does not: send it again) or <c>write_off</c> (bill it outside Stripe,
/// or not at all); <c>reason</c> is recorded with it in the ledger and the tenant's audit log.
/// </summary>
public sealed record ResolvePushRequest(string? Outcome, string? Reason);
