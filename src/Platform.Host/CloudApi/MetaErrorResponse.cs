namespace Platform.Host.CloudApi;

/// <summary>The body Meta answers errors with.</summary>
public sealed record MetaErrorResponse(MetaError Error);
