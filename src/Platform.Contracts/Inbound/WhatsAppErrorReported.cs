namespace Platform.Contracts.Inbound;

/// <summary>An error Meta reported for a business number outside any single message (<c>value.errors</c>).</summary>
public sealed record WhatsAppErrorReported
{
    /// <summary>Meta's id of the business phone number, when the change named one.</summary>
    public string? PhoneNumberId { get; init; }

    /// <summary>The WhatsApp Business Account id (<c>entry.id</c>).</summary>
    public required string WabaId { get; init; }

    /// <summary>Meta's error code.</summary>
    public int? Code { get; init; }

    /// <summary>Meta's short title of the error.</summary>
    public string? Title { get; init; }

    /// <summary>The error object as Meta sent it (JSON).</summary>
    public required string Raw { get; init; }
}
