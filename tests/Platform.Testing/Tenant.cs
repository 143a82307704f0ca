namespace Platform.Testing;

/// <summary>A tenant created for a test, with the client that calls as it.</summary>
public sealed record Tenant(string Id, string Key, PlatformClient Client);
