namespace Platform.Billing.SpendLimits;

/// <summary>
/// The answer of <see cref="ISpendLimits"/>: <see cref="Allowed"/> is false once the month's spend reached the limit;
/// refuse the send with 422 <c>spend_limit_reached</c>.
/// </summary>
public sealed record SpendCheck(bool Allowed, decimal Spent, decimal? Limit, string Month);
