namespace Platform.Grains.Deliveries;

/// <summary>
/// Dead letters by partition (a tenant, or the operator's inbound list), oldest first by id (ids are ULIDs), paged with
/// <c>after</c>. Writing the same id twice keeps one.
/// </summary>
public interface IDeadLetterStore
{
    Task AddAsync(DeadLetter letter);

    Task<IReadOnlyList<DeadLetter>> ListAsync(string partition, int limit, string? after = null, CancellationToken cancellationToken = default);

    Task<DeadLetter?> GetAsync(string partition, string id, CancellationToken cancellationToken = default);

    Task RemoveAsync(string partition, string id);
}
