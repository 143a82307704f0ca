namespace Platform.Contracts.Inbound;

/// <summary>
/// A change Meta reported about a WhatsApp Business Account that carries no message: <c>account_update</c>,
/// <c>business_capability_update</c>, and any field we do not know yet (kept, never dropped).
/// </summary>
public sealed record WhatsAppAccountChanged
{
    /// <summary>The WhatsApp Business Account id (<c>entry.id</c>).</summary>
    public required string WabaId { get; init; }

    /// <summary>Meta's webhook field, for example <c>account_update</c>.</summary>
    public required string Field { get; init; }

    /// <summary>The <c>event</c> of the value, when it has one (<c>VERIFIED_ACCOUNT</c>, <c>DISABLED_UPDATE</c>, …).</summary>
    public string? Event { get; init; }

    /// <summary>When Meta reported it (<c>entry.time</c>, or when we received it).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The change's whole <c>value</c> object as Meta sent it (JSON).</summary>
    public required string Raw { get; init; }
}
