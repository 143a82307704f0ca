namespace Platform.Grains.Tenants;

/// <summary>Where a tenant's template lives: our id to the template grain's name and language.</summary>
[GenerateSerializer, Immutable, Alias("Platform.TemplateReference")]
public sealed record TemplateReference(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Language);
