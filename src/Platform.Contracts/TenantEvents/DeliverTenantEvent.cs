namespace Platform.Contracts.TenantEvents;

/// <summary>Command: POST one tenant event to one webhook endpoint, signed with that endpoint's secret.</summary>
public sealed record DeliverTenantEvent
{
    /// <summary>The tenant that owns the endpoint.</summary>
    public required string TenantId { get; init; }

    /// <summary>The endpoint's id (<c>whe_…</c>).</summary>
    public required string EndpointId { get; init; }

    /// <summary>The delivery id, the same across every retry of this event to this endpoint.</summary>
    public required string DeliveryId { get; init; }

    /// <summary>The event's id (<c>evt_…</c>).</summary>
    public string? EventId { get; init; }

    /// <summary>The event type, sent as the <c>Platform-Event-Type</c> header.</summary>
    public required string Type { get; init; }

    /// <summary>
    /// Events with the same key reach an endpoint in order (a conversation: <c>phone_number_id|wa_id</c>); null when the
    /// event needs no order.
    /// </summary>
    public string? OrderingKey { get; init; }

    /// <summary>The tenant event as JSON: the exact bytes that are signed and sent.</summary>
    public required string Body { get; init; }
}
