using System.Text.Json;
using Platform.Grains.Templates;

namespace Platform.Host.Templates;

/// <summary>A template as the portal shows it; <c>status_reason</c> is Meta's reason for a rejection, pause or disabling; <c>meta_template_id</c> is Meta's id (cloud_api only).</summary>
public sealed record TemplateResponse(
    string Id, string Name, string Language, string Category, string Status, string? StatusReason, JsonElement Components, string? WabaId,
    string? MetaTemplateId, DateTimeOffset CreatedAt, DateTimeOffset? StatusChangedAt)
{
    public static TemplateResponse From(TemplateDefinition template) => new(
        template.Id, template.Name, template.Language, template.Category, template.Status, template.StatusReason,
        JsonDocument.Parse(template.Components).RootElement.Clone(), template.WabaId, template.MetaTemplateId, template.CreatedAt, template.StatusChangedAt);
}
