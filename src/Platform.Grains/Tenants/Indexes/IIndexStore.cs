namespace Platform.Grains.Tenants.Indexes;

/// <summary>
/// The query side of tenancy (tenants by status, a tenant's audit log, its opted-out contacts): rows per partition,
/// listed in row-key order from a cursor, because grain state is not a query store.
/// </summary>
public interface IIndexStore
{
    Task UpsertAsync(string table, IndexRow row, CancellationToken cancellationToken = default);

    Task DeleteAsync(string table, string partition, string rowKey, CancellationToken cancellationToken = default);

    Task<IndexRow?> GetAsync(string table, string partition, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> rows after row key <paramref name="after"/> whose columns equal <paramref name="equals"/>.</summary>
    Task<IReadOnlyList<IndexRow>> ListAsync(
        string table, string partition, string? after, int limit, IReadOnlyDictionary<string, string>? equals = null, CancellationToken cancellationToken = default);
}
