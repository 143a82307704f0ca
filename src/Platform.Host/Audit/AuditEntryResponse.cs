using Platform.Grains.Audit;

namespace Platform.Host.Audit;

/// <summary>One audit entry: who (<c>operator</c>, a key id, <c>meta</c>, <c>platform</c>), what, on what, when.</summary>
public sealed record AuditEntryResponse(string Id, string Actor, string Action, string Target, string? Detail, DateTimeOffset At)
{
    public static AuditEntryResponse From(AuditEntry entry) => new(entry.Id, entry.Actor, entry.Action, entry.Target, entry.Detail, entry.At);
}
