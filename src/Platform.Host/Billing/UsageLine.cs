namespace Platform.Host.Billing;

/// <summary>
/// Usage of one day and category: messages sent, those Meta charged, Meta's charge and the platform's fee (decimal
/// strings in the major unit). <see cref="TenantId"/> is set on the partner API only.
/// </summary>
public sealed record UsageLine(
    string? TenantId,
    string Date,
    string Category,
    int Messages,
    int BillableMessages,
    string MetaCharge,
    string PlatformFee,
    string Total,
    string Currency);
