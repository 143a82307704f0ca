namespace Platform.Host.Partner;

/// <summary>Cursor paging shared by every list: <c>limit</c> 1 to <see cref="MaxLimit"/> (default <see cref="DefaultLimit"/>), <c>cursor</c> from the last page.</summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>The limit to use, or an error naming the field.</summary>
    public static (int Limit, Dictionary<string, string[]>? Errors) Limit(int? limit) =>
        limit is null ? (DefaultLimit, null)
        : limit is >= 1 and <= MaxLimit ? (limit.Value, null)
        : (0, new Dictionary<string, string[]> { ["limit"] = [$"The limit must be 1 to {MaxLimit}."] });

    /// <summary>A page of items held in a grain, ordered by their time-ordered ids.</summary>
    public static ListResponse<TOut> Page<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, string> id, string? cursor, int limit, Func<TIn, TOut> map)
    {
        var page = items.OrderBy(id, StringComparer.Ordinal)
            .Where(item => cursor is null || string.CompareOrdinal(id(item), cursor) > 0)
            .Take(limit + 1)
            .ToList();
        var more = page.Count > limit;
        var shown = page.Take(limit).ToList();
        return new ListResponse<TOut>([.. shown.Select(map)], more ? id(shown[^1]) : null);
    }
}
