namespace Platform.Grains.Deliveries;

/// <summary>
/// A page of an endpoint's attempts, newest first: at most <see cref="Limit"/>, after <see cref="Cursor"/> (the previous
/// page's <see cref="DeliveryAttemptPage.NextCursor"/>), only those with this <see cref="Outcome"/> and <see cref="EventId"/>
/// when given.
/// </summary>
public sealed record DeliveryAttemptQuery(int Limit, string? Cursor = null, string? Outcome = null, string? EventId = null);
