namespace Platform.Contracts.TenantEvents;

/// <summary>
/// Event: something happened that a tenant's webhook endpoints must hear about. Fanned out to one
/// <see cref="DeliverTenantEvent"/> per endpoint, so each endpoint is retried on its own.
/// </summary>
public sealed record TenantEventRaised
{
    /// <summary>The tenant the event belongs to.</summary>
    public required string TenantId { get; init; }

    /// <summary>The event's id (<c>evt_…</c>), the same on every redelivery of the update that caused it.</summary>
    public required string EventId { get; init; }

    /// <summary>When the change the event reports happened.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The event type (<c>message.received</c>, <c>message.status</c>, …).</summary>
    public required string Type { get; init; }

    /// <summary>
    /// Events with the same key reach an endpoint in order (a conversation: <c>phone_number_id|wa_id</c>); null when the
    /// event needs no order.
    /// </summary>
    public string? OrderingKey { get; init; }

    /// <summary>The complete tenant event as JSON: exactly the body tenants receive.</summary>
    public required string Body { get; init; }
}
