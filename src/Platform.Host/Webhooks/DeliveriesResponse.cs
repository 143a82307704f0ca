namespace Platform.Host.Webhooks;

/// <summary>
/// A page of an endpoint's attempts (newest first, kept for <c>Webhooks__AttemptRetention</c>; <see cref="NextCursor"/> reads
/// the next page), how many deliveries wait for a retry, and since when every attempt has failed.
/// </summary>
public sealed record DeliveriesResponse(IReadOnlyList<DeliveryAttemptResponse> Data, int Pending, DateTimeOffset? FailingSince, string? NextCursor);
