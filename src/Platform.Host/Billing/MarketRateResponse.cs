namespace Platform.Host.Billing;

public sealed record MarketRateResponse(string Market, string Currency, IReadOnlyDictionary<string, string> Prices);
