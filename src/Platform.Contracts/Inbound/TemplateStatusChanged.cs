namespace Platform.Contracts.Inbound;

/// <summary>
/// Event: Meta reviewed or changed a message template (<c>message_template_status_update</c>). Meta names the template by
/// its own id and by name and language within the WhatsApp Business Account; the tenancy feature maps that to its template.
/// </summary>
public sealed record TemplateStatusChanged
{
    /// <summary>The WhatsApp Business Account id (<c>entry.id</c>).</summary>
    public required string WabaId { get; init; }

    /// <summary>Meta's template id (<c>message_template_id</c>), as text.</summary>
    public required string TemplateId { get; init; }

    /// <summary>The template's name (<c>message_template_name</c>).</summary>
    public required string TemplateName { get; init; }

    /// <summary>The template's language (<c>message_template_language</c>), for example <c>en_US</c>.</summary>
    public required string Language { get; init; }

    /// <summary>Meta's event: <c>APPROVED</c>, <c>REJECTED</c>, <c>PAUSED</c>, <c>DISABLED</c>, …; unknown values are kept.</summary>
    public required string Event { get; init; }

    /// <summary>Meta's reason (<c>NONE</c>, <c>INCORRECT_CATEGORY</c>, …), when given.</summary>
    public string? Reason { get; init; }

    /// <summary>When Meta reported it (<c>entry.time</c>, or when we received it).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The change's whole <c>value</c> object as Meta sent it (JSON).</summary>
    public required string Raw { get; init; }
}
