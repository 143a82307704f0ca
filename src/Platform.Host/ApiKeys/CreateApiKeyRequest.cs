namespace Platform.Host.ApiKeys;

/// <summary>Body of <c>POST /v1/api-keys</c> and of the operator's <c>POST /partner/v1/tenants/{id}/api-keys</c>.</summary>
public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes);
