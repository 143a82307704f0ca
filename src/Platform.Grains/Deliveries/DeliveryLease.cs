namespace Platform.Grains.Deliveries;

/// <summary>Who may attempt the next delivery of an ordering key, and until when (a consumer that died gives it up this way).</summary>
internal readonly record struct DeliveryLease(string DeliveryId, DateTimeOffset ExpiresAt);
