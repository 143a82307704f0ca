namespace Platform.Host.Partner;

/// <summary>A page of a list: pass <see cref="NextCursor"/> as <c>cursor</c> for the next page; null on the last.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Data, string? NextCursor);
