using System.Globalization;

namespace Platform.Host.Billing;

/// <summary>
/// The <c>from</c> and <c>to</c> of a usage query: UTC dates (<c>yyyy-MM-dd</c>), both included; by default the current
/// month up to today. At most 366 days.
/// </summary>
public sealed record UsagePeriod(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;

    public DateTimeOffset Since => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset Until => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static UsagePeriod? Parse(string? from, string? to, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var start = from is null ? new DateOnly(today.Year, today.Month, 1) : Date(from, "from", errors);
        var end = to is null ? today : Date(to, "to", errors);
        if (start is null || end is null)
        {
            return null;
        }

        if (end < start || end.Value.DayNumber - start.Value.DayNumber >= MaxDays)
        {
            errors["to"] = [$"'to' must be on or after 'from', at most {MaxDays} days later."];
            return null;
        }

        return new UsagePeriod(start.Value, end.Value);
    }

    private static DateOnly? Date(string text, string field, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = ["A UTC date as yyyy-MM-dd."];
        return null;
    }
}
