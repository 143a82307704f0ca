using System.Globalization;
using Platform.Grains.Identifiers;
using Platform.Grains.Tenants.Indexes;

namespace Platform.Grains.Audit;

/// <summary>
/// Each tenant's audit log, newest first: row keys count down in time, so a page from a cursor continues into the past.
/// Written for changes (keys, endpoints, templates, consent, status), never per message.
/// </summary>
public sealed class AuditLog(IIndexStore store, TimeProvider time)
{
    private const string Table = "auditlog";

    public async Task<AuditEntry> RecordAsync(string tenantId, string actor, string action, string target, string? detail = null)
    {
        var now = time.GetUtcNow();
        var entry = new AuditEntry(PlatformIds.New("aud", now), tenantId, actor, action, target, detail, now);
        var rowKey = (long.MaxValue - now.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "_" + entry.Id;
        await store.UpsertAsync(Table, new IndexRow(tenantId, rowKey, IndexJson.Write(entry)));
        return entry;
    }

    public async Task<IndexPage<AuditEntry>> ListAsync(string tenantId, string? after, int limit, CancellationToken cancellationToken)
    {
        var rows = await store.ListAsync(Table, tenantId, after, limit, cancellationToken: cancellationToken);
        return IndexPages.Of(rows, limit, row => IndexJson.Read<AuditEntry>(row.Data));
    }
}
