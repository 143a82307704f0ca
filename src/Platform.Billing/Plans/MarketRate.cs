namespace Platform.Billing.Plans;

/// <summary>One line of Meta's rate card: what Meta charges per delivered message of each category in one market.</summary>
public sealed record MarketRate(string Market, string Currency, IReadOnlyDictionary<string, decimal> Prices);
