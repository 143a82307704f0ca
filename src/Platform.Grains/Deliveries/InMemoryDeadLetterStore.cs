using System.Collections.Concurrent;

namespace Platform.Grains.Deliveries;

/// <summary>Dead letters of the embedded mode.</summary>
public sealed class InMemoryDeadLetterStore : IDeadLetterStore
{
    private readonly ConcurrentDictionary<(string Partition, string Id), DeadLetter> _letters = new();

    public Task AddAsync(DeadLetter letter)
    {
        _letters[(letter.Partition, letter.Id)] = letter;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadLetter>> ListAsync(string partition, int limit, string? after = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeadLetter>>(
        [
            .. _letters.Values
                .Where(letter => letter.Partition == partition && (after is null || string.CompareOrdinal(letter.Id, after) > 0))
                .OrderBy(letter => letter.Id, StringComparer.Ordinal)
                .Take(limit),
        ]);

    public Task<DeadLetter?> GetAsync(string partition, string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_letters.GetValueOrDefault((partition, id)));

    public Task RemoveAsync(string partition, string id)
    {
        _letters.TryRemove((partition, id), out _);
        return Task.CompletedTask;
    }
}
