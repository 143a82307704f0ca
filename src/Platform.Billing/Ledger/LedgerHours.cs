using System.Globalization;

namespace Platform.Billing.Ledger;

/// <summary>Ledger rows are grouped by tenant and UTC hour: the unit of aggregation for Stripe and of summaries.</summary>
public static class LedgerHours
{
    private const string Format = "yyyyMMddHH";

    public static DateTimeOffset Of(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    public static string Key(DateTimeOffset hour) => hour.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string key) =>
        DateTimeOffset.ParseExact(key, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string Month(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
