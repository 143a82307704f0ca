namespace Platform.Host.Authentication;

public static class ScopeConventions
{
    /// <summary>
    /// Requires <paramref name="write"/> for writes and <paramref name="read"/> (when not null) for reads, on a route or a
    /// whole group; a route's own requirement overrides its group's. The key's tenant must also be active to write.
    /// </summary>
    public static TBuilder RequireScopes<TBuilder>(this TBuilder builder, string? read, string write)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScopes(read, write));
}
