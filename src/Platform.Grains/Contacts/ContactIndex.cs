using System.Security.Cryptography;
using System.Text;
using Platform.Grains.Tenants.Indexes;

namespace Platform.Grains.Contacts;

/// <summary>
/// A tenant's opted-out contacts, listable, and the opt-outs of erased contacts, kept only as a keyed hash of tenant
/// and number so an erased customer who opted out is still never messaged.
/// </summary>
public sealed class ContactIndex(IIndexStore store)
{
    private const string OptedOutTable = "optedoutcontacts";
    private const string ErasedTable = "erasedoptouts";

    public Task UpdateAsync(string tenantId, string waId, ConsentSnapshot consent) =>
        consent.OptedOut || consent.MarketingOptedOut
            ? store.UpsertAsync(OptedOutTable, new IndexRow(
                tenantId, waId, IndexJson.Write(new OptedOutContact(waId, consent.OptedOut, consent.MarketingOptedOut, consent.ChangedAt))))
            : store.DeleteAsync(OptedOutTable, tenantId, waId);

    public async Task<IndexPage<OptedOutContact>> ListOptedOutAsync(string tenantId, string? after, int limit, CancellationToken cancellationToken)
    {
        var rows = await store.ListAsync(OptedOutTable, tenantId, after, limit, cancellationToken: cancellationToken);
        return IndexPages.Of(rows, limit, row => IndexJson.Read<OptedOutContact>(row.Data));
    }

    public async Task EraseAsync(string tenantId, string waId, ConsentSnapshot consent)
    {
        await store.DeleteAsync(OptedOutTable, tenantId, waId);
        if (consent.OptedOut)
        {
            await store.UpsertAsync(ErasedTable, new IndexRow(tenantId, Hash(tenantId, waId), ""));
        }
    }

    public async Task<bool> IsErasedOptOutAsync(string tenantId, string waId) =>
        await store.GetAsync(ErasedTable, tenantId, Hash(tenantId, waId)) is not null;

    public Task ForgetErasedOptOutAsync(string tenantId, string waId) => store.DeleteAsync(ErasedTable, tenantId, Hash(tenantId, waId));

    /// <summary>How logs name a customer without their number: a stable pseudonym the tenant can recompute, gone with erasure's meaning.</summary>
    public static string Pseudonym(string tenantId, string waId) => "wa_" + Hash(tenantId, waId)[..16];

    // Keyed with the tenant id so one tenant's hashes say nothing about another's; numbers are few enough to enumerate,
    // so this hides the number from a casual reader of the table, not from someone with the table and the tenant id.
    private static string Hash(string tenantId, string waId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(tenantId), Encoding.UTF8.GetBytes(waId)));
}
