namespace Platform.Billing.StripeSync;

/// <summary>A Stripe invoice as tenants see it.</summary>
public sealed record InvoiceSummary(
    string Id,
    string? Number,
    string Status,
    string Currency,
    long Total,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    string? HostedInvoiceUrl);
