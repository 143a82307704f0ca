namespace Platform.Host.Webhooks;

/// <summary>
/// An endpoint's latest attempts (newest first, up to 50, kept in memory by the silo that runs the endpoint's schedule), how
/// many deliveries wait for a retry, and since when every attempt has failed.
/// </summary>
public sealed record DeliveriesResponse(IReadOnlyList<DeliveryAttemptResponse> Data, int Pending, DateTimeOffset? FailingSince);
