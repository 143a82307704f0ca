namespace Platform.Grains.Tenants.Indexes;

internal static class IndexPages
{
    /// <summary>A full page may have more after it: its last row key is the cursor.</summary>
    public static IndexPage<T> Of<T>(IReadOnlyList<IndexRow> rows, int limit, Func<IndexRow, T> map) =>
        new([.. rows.Select(map)], rows.Count == limit && rows.Count > 0 ? rows[^1].RowKey : null);
}
