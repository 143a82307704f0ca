namespace Platform.Grains.Tenants.Indexes;

/// <summary>One row of an index table: its JSON <see cref="Data"/> and the <see cref="Columns"/> lists filter on.</summary>
public sealed record IndexRow(string Partition, string RowKey, string Data, IReadOnlyDictionary<string, string>? Columns = null);
