namespace Platform.Host.Webhooks;

/// <summary>The new signing secret (shown once); until <see cref="PreviousSecretExpiresAt"/> deliveries carry a v1= part for each secret.</summary>
public sealed record RotatedSecretResponse(string Id, string Secret, DateTimeOffset PreviousSecretExpiresAt);
