namespace Platform.Grains.Templates;

/// <summary>
/// A template as sends need it: <see cref="Category"/> is MARKETING, UTILITY or AUTHENTICATION; <see cref="Status"/> is
/// Meta's (PENDING, APPROVED, REJECTED, PAUSED, DISABLED; only APPROVED sends); <see cref="Components"/> is Meta's
/// components array (JSON) with <c>{{n}}</c> placeholders.
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.TemplateDefinition")]
public sealed record TemplateDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Language,
    [property: Id(3)] string Category,
    [property: Id(4)] string Status,
    [property: Id(5)] string Components)
{
    /// <summary>Meta's reason for a rejection, pause or disabling.</summary>
    [Id(6)] public string? StatusReason { get; init; }

    [Id(7)] public DateTimeOffset CreatedAt { get; init; }

    [Id(8)] public DateTimeOffset? StatusChangedAt { get; init; }

    /// <summary>The WhatsApp Business Account the template was submitted to; null for a sandbox template.</summary>
    [Id(9)] public string? WabaId { get; init; }

    /// <summary>Meta's id of the template; null for a sandbox template.</summary>
    [Id(10)] public string? MetaTemplateId { get; init; }
}
