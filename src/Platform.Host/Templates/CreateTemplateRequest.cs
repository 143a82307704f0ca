using System.Text.Json;

namespace Platform.Host.Templates;

/// <summary>
/// Body of <c>POST /v1/templates</c>: Meta's template fields. <c>waba_id</c> picks the WhatsApp Business Account when the
/// tenant's cloud_api numbers span several; a tenant with no cloud_api number gets a sandbox template.
/// </summary>
public sealed record CreateTemplateRequest(string? Name, string? Language, string? Category, JsonElement? Components, string? WabaId);
