using System.Text.RegularExpressions;

namespace Platform.ServiceDefaults;

/// <summary>
/// Keeps metric labels tenant-safe and bounded: a label is a short code from our own vocabulary (<c>window_closed</c>,
/// <c>sandbox</c>, <c>delivered</c>) or one of Meta's numeric error codes. Anything else, such as a phone number, a
/// wa_id, an id or free text, becomes <c>other</c> and never reaches a time series.
/// </summary>
public static partial class MetricTags
{
    public const string Other = "other";

    public static string Safe(string? value) =>
        value is not null && (Code().IsMatch(value) || MetaErrorCode().IsMatch(value)) ? value : Other;

    [GeneratedRegex("^[a-z][a-z0-9_./-]{0,47}$")]
    private static partial Regex Code();

    // Meta's error codes have at most six digits; phone numbers and wa_ids have more.
    [GeneratedRegex("^[0-9]{1,6}$")]
    private static partial Regex MetaErrorCode();
}
