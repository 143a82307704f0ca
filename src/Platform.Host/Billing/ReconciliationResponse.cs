namespace Platform.Host.Billing;

/// <summary>Answer of <c>GET /partner/v1/reconciliation</c>; <see cref="StripeEnabled"/> says whether this deployment pushes at all.</summary>
public sealed record ReconciliationResponse(string From, string To, bool StripeEnabled, IReadOnlyList<ReconciliationLine> Lines);
