namespace Platform.Host.Billing;

/// <summary>Answer of <c>GET /v1/invoices</c>; <see cref="Note"/> says why the list is empty when Stripe is off or has no customer yet.</summary>
public sealed record InvoiceListResponse(IReadOnlyList<InvoiceResponse> Data, string? Note);
