using Platform.Billing.Ledger;
using Platform.Billing.Pricing;

namespace Platform.Host.Billing;

/// <summary>
/// One push (a Stripe meter event for a group of ledger rows): <see cref="Id"/> names it for good, <see cref="Identifier"/>
/// is what it is (or was last) sent to Stripe as.
/// </summary>
public sealed record UsagePushResponse(
    string Id,
    string TenantId,
    string Category,
    string Currency,
    string State,
    string Identifier,
    string Amount,
    int Messages,
    DateTimeOffset EventTime,
    string? LastError,
    string? Resolution,
    string? ResolutionReason,
    DateTimeOffset? ResolvedAt)
{
    public static UsagePushResponse From(MeterPush push) => new(
        push.Id,
        push.TenantId,
        push.Category,
        push.Currency,
        push.State,
        push.Identifier,
        Money.Format(Money.FromUnits(push.Units)),
        push.Messages,
        push.Timestamp,
        push.LastError,
        push.Resolution,
        push.ResolutionReason,
        push.ResolvedAt);
}
