namespace Platform.Billing.Pricing;

/// <summary>Meta's pricing categories, as the ledger, plans, the rate card and Stripe meters name them.</summary>
public static class MessageCategories
{
    public const string Marketing = "marketing";
    public const string Utility = "utility";
    public const string Authentication = "authentication";
    public const string Service = "service";

    public static readonly IReadOnlyList<string> All = [Marketing, Utility, Authentication, Service];

    /// <summary>
    /// Our category for one of Meta's: variants Meta prices like their family (<c>authentication_international</c>,
    /// <c>marketing_lite</c>) fold into it; anything else Meta reports for free conversations counts as service.
    /// </summary>
    public static string FromMeta(string? category) => category?.ToLowerInvariant() switch
    {
        null or "" => Service,
        var c when c.StartsWith(Marketing, StringComparison.Ordinal) => Marketing,
        var c when c.StartsWith(Authentication, StringComparison.Ordinal) => Authentication,
        Utility => Utility,
        _ => Service,
    };
}
