using Platform.Grains.Contacts;
using Platform.Grains.Templates;

namespace Platform.Grains.Conversations;

/// <summary>
/// Everything a send decision depends on, gathered by the conversation grain: its state, the customer's consent, and for a
/// template the template the tenant named (null when none exists) with what is wrong with the parameters, if anything.
/// </summary>
public sealed record SendFacts(
    ConversationState State,
    DateTimeOffset Now,
    ConsentSnapshot Consent,
    bool IsTemplate,
    string? TemplateName = null,
    string? TemplateLanguage = null,
    TemplateDefinition? Template = null,
    string? ParameterProblem = null);
