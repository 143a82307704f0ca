namespace Platform.Billing.Pricing;

/// <summary>
/// Converts our amounts into Stripe's: Stripe prices are in the currency's smallest unit (cents), and the meters receive
/// ten-thousandths of the major unit (<see cref="Money.UnitsPerMajor"/>), so one meter unit costs 0.0001 of the major unit
/// expressed in minor units: 0.01 cent in USD, 0.0001 yen, 0.1 fils in KWD.
/// </summary>
public static class StripeAmounts
{
    // Stripe's lists of currencies without a minor unit, and with three decimals.
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    private static readonly HashSet<string> ThreeDecimal = new(StringComparer.OrdinalIgnoreCase) { "BHD", "JOD", "KWD", "OMR", "TND" };

    public static int MinorDigits(string currency) => ZeroDecimal.Contains(currency) ? 0 : ThreeDecimal.Contains(currency) ? 3 : 2;

    /// <summary>An amount in the major unit, in the currency's minor unit (Stripe's <c>unit_amount_decimal</c>).</summary>
    public static decimal ToMinor(decimal amount, string currency) => amount * Pow10(MinorDigits(currency));

    /// <summary>The price of one meter unit in minor units: what makes Stripe's invoice equal the ledger's amount.</summary>
    public static decimal MinorPerMeterUnit(string currency) => ToMinor(1m / Money.UnitsPerMajor, currency);

    private static decimal Pow10(int digits) => digits switch { 0 => 1m, 2 => 100m, _ => 1000m };
}
