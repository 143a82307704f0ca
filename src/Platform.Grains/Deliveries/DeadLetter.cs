namespace Platform.Grains.Deliveries;

/// <summary>
/// Something the platform could not deliver or route, kept so a person can see and replay it. <see cref="Partition"/> is the
/// tenant id for webhook deliveries and <see cref="DeadLetterPartitions.Inbound"/> for Meta updates no tenant holds.
/// </summary>
public sealed record DeadLetter
{
    public required string Partition { get; init; }

    /// <summary>The delivery id for webhook deliveries (so a dead letter exists once per delivery); a derived id for inbound updates.</summary>
    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The endpoint, for webhook deliveries.</summary>
    public string? EndpointId { get; init; }

    /// <summary>The event type, for webhook deliveries.</summary>
    public string? Type { get; init; }

    public string? EventId { get; init; }

    public string? OrderingKey { get; init; }

    /// <summary>Meta's phone_number_id, for inbound updates.</summary>
    public string? PhoneNumberId { get; init; }

    public int Attempts { get; init; }

    public int? LastStatusCode { get; init; }

    /// <summary>What would have been delivered (a tenant event, or the inbound update as JSON).</summary>
    public required string Body { get; init; }
}
