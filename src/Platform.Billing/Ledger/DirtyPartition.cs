namespace Platform.Billing.Ledger;

/// <summary>
/// A tenant-bucket with rows written since the meter last looked. Cleared only with the <see cref="Version"/> read, so a
/// row appended while the meter works keeps the mark.
/// </summary>
public sealed record DirtyPartition(string TenantId, DateTimeOffset Bucket, string Version);
