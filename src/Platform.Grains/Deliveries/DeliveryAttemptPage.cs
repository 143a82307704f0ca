namespace Platform.Grains.Deliveries;

/// <summary>Attempts newest first; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record DeliveryAttemptPage(IReadOnlyList<DeliveryAttempt> Attempts, string? NextCursor);
