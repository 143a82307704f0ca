namespace Platform.Grains.Deliveries;

/// <summary>
/// A waiting delivery kept in the pending table rather than grain state; <see cref="Sequence"/> orders an endpoint's spilled
/// deliveries by arrival.
/// </summary>
public sealed record SpilledDelivery(string Sequence, ScheduledDelivery Item);
