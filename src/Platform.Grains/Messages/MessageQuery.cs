namespace Platform.Grains.Messages;

/// <summary>A page of a tenant's history, newest first: every filter is optional; <see cref="Cursor"/> continues a previous page.</summary>
public sealed record MessageQuery(string TenantId, int Limit)
{
    public string? PhoneNumberId { get; init; }
    public string? CustomerWaId { get; init; }
    public string? Direction { get; init; }
    public string? Status { get; init; }

    /// <summary>Messages created at or after this time.</summary>
    public DateTimeOffset? CreatedAfter { get; init; }

    /// <summary>Messages created before this time.</summary>
    public DateTimeOffset? CreatedBefore { get; init; }

    public string? Cursor { get; init; }

    /// <summary>Whether <paramref name="record"/> passes the filters other than time and cursor.</summary>
    public bool Matches(MessageRecord record) =>
        (PhoneNumberId is null || record.PhoneNumberId == PhoneNumberId)
        && (CustomerWaId is null || record.CustomerWaId == CustomerWaId)
        && (Direction is null || record.Direction == Direction)
        && (Status is null || record.Status == Status);
}
