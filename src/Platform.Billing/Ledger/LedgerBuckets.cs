using System.Globalization;

namespace Platform.Billing.Ledger;

/// <summary>
/// Ledger rows are grouped by tenant and five-minute UTC bucket: the unit of aggregation for Stripe and of summaries.
/// Small buckets keep what the meter reads per pass bounded for a tenant sending a thousand messages a second.
/// </summary>
public static class LedgerBuckets
{
    public static readonly TimeSpan Size = TimeSpan.FromMinutes(5);
    private const string Format = "yyyyMMddHHmm";

    public static DateTimeOffset Of(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute - (utc.Minute % 5), 0, TimeSpan.Zero);
    }

    public static string Key(DateTimeOffset bucket) => bucket.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string key) =>
        DateTimeOffset.ParseExact(key, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string Month(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
