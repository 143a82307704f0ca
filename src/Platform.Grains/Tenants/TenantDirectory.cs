using Platform.Grains.Tenants.Indexes;

namespace Platform.Grains.Tenants;

/// <summary>Every tenant, for the operator's list: kept by each tenant grain whenever its profile changes.</summary>
public sealed class TenantDirectory(IIndexStore store)
{
    private const string Table = "tenantdirectory";
    private const string Partition = "tenants";
    private const string StatusColumn = "Status";
    private const string ReferenceColumn = "ExternalReference";

    public Task UpsertAsync(TenantProfile profile)
    {
        var columns = new Dictionary<string, string> { [StatusColumn] = profile.Status };
        if (profile.ExternalReference is { } reference)
        {
            columns[ReferenceColumn] = reference;
        }

        return store.UpsertAsync(Table, new IndexRow(Partition, profile.Id, IndexJson.Write(profile), columns));
    }

    /// <summary>Tenants in creation order (their ids are time-ordered), optionally only those with a status or external reference.</summary>
    public async Task<IndexPage<TenantProfile>> ListAsync(string? status, string? externalReference, string? after, int limit, CancellationToken cancellationToken)
    {
        var equals = new Dictionary<string, string>();
        if (status is not null)
        {
            equals[StatusColumn] = status;
        }

        if (externalReference is not null)
        {
            equals[ReferenceColumn] = externalReference;
        }

        var rows = await store.ListAsync(Table, Partition, after, limit, equals, cancellationToken);
        return IndexPages.Of(rows, limit, row => IndexJson.Read<TenantProfile>(row.Data));
    }
}
