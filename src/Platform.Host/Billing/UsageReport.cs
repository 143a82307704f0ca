using System.Globalization;
using System.Text;
using Platform.Billing.Ledger;
using Platform.Billing.Pricing;

namespace Platform.Host.Billing;

/// <summary>Folds hourly summaries into lines per tenant, day and category, as JSON or CSV.</summary>
public static class UsageReport
{
    public static UsageResponse Build(IReadOnlyList<UsageSummary> summaries, UsagePeriod period, bool withTenant) => new(
        period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        summaries
            .GroupBy(s => (s.TenantId, Date: s.Bucket.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Category, s.Currency))
            .OrderBy(g => g.Key.TenantId, StringComparer.Ordinal).ThenBy(g => g.Key.Date, StringComparer.Ordinal).ThenBy(g => g.Key.Category, StringComparer.Ordinal)
            .Select(g => new UsageLine(
                withTenant ? g.Key.TenantId : null,
                g.Key.Date,
                g.Key.Category,
                g.Sum(s => s.Messages),
                g.Sum(s => s.BillableMessages),
                Money.Format(g.Sum(s => s.MetaCharge)),
                Money.Format(g.Sum(s => s.PlatformFee)),
                Money.Format(g.Sum(s => s.Total)),
                g.Key.Currency))
            .ToList());

    public static bool WantsCsv(HttpRequest request, string? format) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Accept.Any(accept => accept?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);

    public static string Csv(UsageResponse usage, bool withTenant)
    {
        var csv = new StringBuilder();
        csv.Append(withTenant ? "tenant_id," : "").Append("date,category,messages,billable_messages,meta_charge,platform_fee,total,currency\n");
        foreach (var line in usage.Lines)
        {
            if (withTenant)
            {
                csv.Append(line.TenantId).Append(',');
            }

            csv.Append(CultureInfo.InvariantCulture, $"{line.Date},{line.Category},{line.Messages},{line.BillableMessages},{line.MetaCharge},{line.PlatformFee},{line.Total},{line.Currency}\n");
        }

        return csv.ToString();
    }
}
