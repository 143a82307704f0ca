namespace Platform.Grains.Tenants.Indexes;

/// <summary>A page of a list; <see cref="NextCursor"/> fetches the next one and is null on the last.</summary>
public sealed record IndexPage<T>(IReadOnlyList<T> Items, string? NextCursor);
