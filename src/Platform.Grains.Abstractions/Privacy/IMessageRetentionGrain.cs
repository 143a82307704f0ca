namespace Platform.Grains.Privacy;

/// <summary>
/// The tenants' message-body retention periods and how far each tenant's history has been swept. One activation for the
/// cluster (key <see cref="Key"/>), so its lease hands each sweep to one silo at a time.
/// </summary>
[Alias("Platform.MessageRetentionGrain")]
public interface IMessageRetentionGrain : IGrainWithStringKey
{
    public const string Key = "cluster";

    /// <summary>The tenant's retention period in days, or null when bodies are kept.</summary>
    [Alias("GetAsync")]
    Task<int?> GetAsync(string tenantId);

    /// <summary>Sets the tenant's retention period in days; null keeps bodies.</summary>
    [Alias("SetAsync")]
    Task SetAsync(string tenantId, int? days);

    /// <summary>
    /// The sweeps to run when <paramref name="sweeper"/> holds (or now takes) the lease for <paramref name="lease"/>; empty
    /// while another sweeper holds it.
    /// </summary>
    [Alias("ClaimAsync")]
    Task<IReadOnlyList<RetentionSweep>> ClaimAsync(string sweeper, TimeSpan lease);

    /// <summary>Records that every body of the tenant created before <paramref name="sweptUntil"/> is gone.</summary>
    [Alias("CompleteAsync")]
    Task CompleteAsync(string tenantId, DateTimeOffset sweptUntil);
}
