namespace Platform.Grains.Audit;

/// <summary>
/// One change in a tenant's audit log: who (<see cref="Actor"/>: <c>operator</c>, an API key id, <c>meta</c>,
/// <c>customer</c>), what (<see cref="Action"/> on <see cref="Target"/>, with <see cref="Detail"/>), and when.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] string TenantId,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string Target,
    [property: Id(5)] string? Detail,
    [property: Id(6)] DateTimeOffset At);
