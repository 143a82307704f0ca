namespace Platform.WhatsApp.Onboarding;

/// <summary>Meta's answer to a template submission: its id and first status (usually PENDING).</summary>
public sealed record MetaTemplateSubmission(string Id, string Status);
