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
    [property: Id(5)] string Components);
