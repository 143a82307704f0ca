using System.Globalization;

namespace Platform.Billing.Pricing;

/// <summary>
/// Amounts are decimals in the currency's major unit with at most four decimal places (Meta's rates have four). Stripe
/// meters take whole numbers, so pushed values are ten-thousandths of the major unit (one unit = 0.0001).
/// </summary>
public static class Money
{
    public const int Scale = 4;
    public const decimal UnitsPerMajor = 10_000m;

    public static string Format(decimal amount) => amount.ToString("F4", CultureInfo.InvariantCulture);

    public static long ToUnits(decimal amount) => (long)decimal.Round(amount * UnitsPerMajor, 0, MidpointRounding.AwayFromZero);

    public static decimal FromUnits(long units) => units / UnitsPerMajor;

    /// <summary>Parses a non-negative amount with at most four decimal places; null when it is not one.</summary>
    public static decimal? Parse(string? text)
    {
        if (text is null || !decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        return amount.Scale <= Scale && amount <= 1_000_000_000m ? amount : null;
    }

    /// <summary>An ISO 4217 code in upper case, or null.</summary>
    public static string? Currency(string? text) =>
        text?.Trim() is { Length: 3 } code && code.All(char.IsAsciiLetter) ? code.ToUpperInvariant() : null;
}
