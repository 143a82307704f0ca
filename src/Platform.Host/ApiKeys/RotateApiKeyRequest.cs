namespace Platform.Host.ApiKeys;

/// <summary>Body of <c>POST /v1/api-keys/{id}/rotate</c>: how long the old key keeps working (0 to 7 days; default 1 day).</summary>
public sealed record RotateApiKeyRequest(int? GracePeriodSeconds);
