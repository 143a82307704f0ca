namespace Platform.Host.Billing;

/// <summary>
/// Answer of <c>GET /partner/v1/reconciliation</c>; <see cref="StripeEnabled"/> says whether this deployment pushes at all,
/// <see cref="UnresolvedPushes"/> lists the uncertain and refused pushes the operator has to resolve.
/// </summary>
public sealed record ReconciliationResponse(
    string From, string To, bool StripeEnabled, IReadOnlyList<ReconciliationLine> Lines, IReadOnlyList<UsagePushResponse> UnresolvedPushes);
