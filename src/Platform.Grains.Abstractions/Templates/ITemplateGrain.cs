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

    /// <summary>
    /// Stores a new template; false when one with this name and language exists. A PENDING sandbox template (no
    /// <see cref="TemplateDefinition.WabaId"/>) is approved after <paramref name="sandboxApprovalDelay"/>.
    /// </summary>
    [Alias("CreateAsync")]
    Task<bool> CreateAsync(TemplateDefinition definition, TimeSpan sandboxApprovalDelay);

    /// <summary>
    /// Records Meta's id for the template once Meta accepted the submission, and Meta's first status unless a status update
    /// already arrived (Meta's webhook can beat its own answer).
    /// </summary>
    [Alias("AttachMetaTemplateAsync")]
    Task<TemplateDefinition?> AttachMetaTemplateAsync(string metaTemplateId, string status);

    /// <summary>Applies Meta's status update (ignored when it names another Meta template id); returns the template, or null when none exists.</summary>
    [Alias("ApplyStatusAsync")]
    Task<TemplateDefinition?> ApplyStatusAsync(string status, string? reason, string? metaTemplateId);

    /// <summary>Deletes the template; false when none exists.</summary>
    [Alias("DeleteAsync")]
    Task<bool> DeleteAsync();
}
