namespace Platform.Host.Billing;

/// <summary>A Stripe invoice: <see cref="Total"/> as a decimal string in the major unit.</summary>
public sealed record InvoiceResponse(
    string Id, string? Number, string Status, string Currency, string Total, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, string? HostedInvoiceUrl);
