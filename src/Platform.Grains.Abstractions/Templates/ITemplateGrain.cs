namespace Platform.Grains.Templates;

/// <summary>
/// One message template of a tenant, found by what a send names: Key: <see cref="TemplateKey"/> (tenant, name, language).
/// The tenancy feature creates and updates it; the conversation grain reads it before a template send.
/// </summary>
[Alias("Platform.TemplateGrain")]
public interface ITemplateGrain : IGrainWithStringKey
{
    /// <summary>The template, or null when the tenant has none with this name and language.</summary>
    [Alias("GetAsync")]
    Task<TemplateDefinition?> GetAsync();
}
