using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Grains.Conversations;
using Platform.Host.Authentication;
using Platform.Host.Problems;

namespace Platform.Host.Settings;

/// <summary>
/// The tenant's messaging settings: STOP and START keywords (matched to the whole message, ignoring case and accents), the
/// confirmation replies, and whether a customer's first message counts as opt-in.
/// </summary>
public static class SettingsApi
{
    private const int MaxKeywords = 50;
    private const int MaxKeywordLength = 32;
    private const int MaxReplyLength = 1024;

    public static RouteGroupBuilder MapSettingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/settings")
            .WithTags("Settings")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.ContactsRead, ApiScopes.ContactsWrite);

        group.MapGet("/messaging", GetSettings).WithName("GetMessagingSettings")
            .WithSummary("The STOP / START keywords, their confirmation replies and the first-message opt-in setting.");
        group.MapPut("/messaging", SetSettings).WithName("SetMessagingSettings")
            .WithSummary("Changes the messaging settings; fields left out keep their value.");
        return group;
    }

    private static async Task<Ok<MessagingSettingsResponse>> GetSettings(CurrentTenant tenant, IGrainFactory grains) =>
        TypedResults.Ok(MessagingSettingsResponse.From(await grains.GetGrain<IMessagingSettingsGrain>(tenant.Id).GetAsync()));

    private static async Task<Results<Ok<MessagingSettingsResponse>, ValidationProblem>> SetSettings(
        MessagingSettingsRequest request, CurrentTenant tenant, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IMessagingSettingsGrain>(tenant.Id);
        var current = await grain.GetAsync();
        var errors = new Dictionary<string, string[]>();
        var stop = Keywords(request.StopKeywords, "stop_keywords", errors) ?? current.StopKeywords;
        var start = Keywords(request.StartKeywords, "start_keywords", errors) ?? current.StartKeywords;
        if (stop.Select(Grains.Conversations.Keywords.Normalize).Intersect(start.Select(Grains.Conversations.Keywords.Normalize)).FirstOrDefault() is { } both)
        {
            errors["start_keywords"] = [$"'{both}' cannot both stop and start messages."];
        }

        foreach (var (field, reply) in new[] { ("stop_reply", request.StopReply), ("start_reply", request.StartReply) })
        {
            if (reply is { Length: > MaxReplyLength })
            {
                errors[field] = [$"At most {MaxReplyLength} characters; an empty reply sends nothing."];
            }
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var settings = new MessagingSettings(
            stop, start, request.StopReply ?? current.StopReply, request.StartReply ?? current.StartReply, request.OptInOnFirstMessage ?? current.OptInOnFirstMessage);
        await grain.SetAsync(settings);
        return TypedResults.Ok(MessagingSettingsResponse.From(settings));
    }

    private static string[]? Keywords(string[]? keywords, string field, Dictionary<string, string[]> errors)
    {
        if (keywords is null)
        {
            return null;
        }

        if (keywords.Length is < 1 or > MaxKeywords || keywords.Any(keyword => Grains.Conversations.Keywords.Normalize(keyword ?? "").Length is < 1 or > MaxKeywordLength))
        {
            errors[field] = [$"1 to {MaxKeywords} keywords of 1 to {MaxKeywordLength} characters each."];
            return null;
        }

        return [.. keywords.Select(keyword => keyword.Trim())];
    }
}
