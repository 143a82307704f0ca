namespace Platform.Host.Authentication;

/// <summary>
/// Endpoint metadata: the scope a tenant key needs to read (GET, HEAD) and to write (every other method). A null
/// <see cref="Read"/> lets any key of the tenant read.
/// </summary>
public sealed record RequiredScopes(string? Read, string Write);
