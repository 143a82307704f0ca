using Platform.Grains.Templates;

namespace Platform.Grains.Conversations;

/// <summary>
/// WhatsApp's rules for one send, as a pure function of what the conversation knows, so they are tested without a cluster.
/// </summary>
public static class ConversationPolicy
{
    /// <summary>A customer's message opens (or refreshes) a window of this length for free-form messages.</summary>
    public static readonly TimeSpan ServiceWindow = TimeSpan.FromHours(24);

    /// <summary>Whether the customer wrote within the last 24 hours.</summary>
    public static bool IsWindowOpen(ConversationState state, DateTimeOffset now) =>
        state.LastCustomerMessageAt is { } last && now < last + ServiceWindow;

    /// <summary>The window rule alone: null when a free-form message may be sent; otherwise why not.</summary>
    public static SendRefusal? DecideSend(ConversationState state, DateTimeOffset now)
    {
        if (state.LastCustomerMessageAt is not { } last)
        {
            return new SendRefusal(
                "window_closed",
                "The customer has never written to this number, so only an approved template may be sent.",
                WindowClosedAt: null);
        }

        var closesAt = last + ServiceWindow;
        return now < closesAt
            ? null
            : new SendRefusal(
                "window_closed",
                $"The customer last wrote at {last:O}; the 24-hour service window closed at {closesAt:O}. Only an approved template may be sent until they write again.",
                closesAt);
    }

    /// <summary>
    /// Every rule: free-form messages need an open window, and an opted-out customer must have written again since opting
    /// out (answering their own question is not outreach). Templates must exist, be APPROVED and get the parameters their
    /// placeholders ask for, and need the customer's opt-in; an opt-out blocks every template, a marketing opt-out blocks
    /// MARKETING ones.
    /// </summary>
    public static SendRefusal? DecideSend(SendFacts facts)
    {
        var consent = facts.Consent;
        if (!facts.IsTemplate)
        {
            if (DecideSend(facts.State, facts.Now) is { } closed)
            {
                return closed;
            }

            return consent.OptedOut && !(facts.State.LastCustomerMessageAt > consent.ChangedAt)
                ? Refuse("opted_out", $"The customer opted out at {consent.ChangedAt:O}. You may answer them only after they write again.")
                : null;
        }

        if (facts.Template is not { } template)
        {
            return Refuse("template_not_approved", $"There is no template '{facts.TemplateName}' in language '{facts.TemplateLanguage}'. Create it and wait for its approval.");
        }

        if (template.Status != TemplateStatuses.Approved)
        {
            return Refuse("template_not_approved", $"Template '{template.Name}' ({template.Language}) is {template.Status}; only APPROVED templates can be sent.");
        }

        if (facts.ParameterProblem is { } problem)
        {
            return Refuse("template_parameters", problem);
        }

        if (consent.OptedOut)
        {
            return Refuse("opted_out", $"The customer opted out at {consent.ChangedAt:O}; no template may reach them until they opt in again (START, or the API).");
        }

        if (template.Category == "MARKETING" && consent.MarketingOptedOut)
        {
            return Refuse("opted_out", "The customer stopped marketing messages; MARKETING templates cannot reach them (UTILITY and AUTHENTICATION still can).");
        }

        return consent.OptedIn
            ? null
            : Refuse("consent_required", "The customer has not opted in to messages from this business. Record their opt-in (POST /v1/contacts/{wa_id}/opt-in) or let them send START.");
    }

    private static SendRefusal Refuse(string code, string detail) => new(code, detail, WindowClosedAt: null);
}
