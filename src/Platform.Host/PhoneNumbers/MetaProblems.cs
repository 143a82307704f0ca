using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Host.Problems;
using Platform.WhatsApp.Onboarding;

namespace Platform.Host.PhoneNumbers;

/// <summary>Meta's refusals as problem details: 422 <c>meta_rejected</c> with Meta's code and message, 502 <c>meta_unavailable</c> when Meta failed.</summary>
public static class MetaProblems
{
    public static ProblemHttpResult From(MetaGraphException exception, string doing) => exception.Unavailable
        ? TypedResults.Problem(
            detail: $"Meta's Graph API failed while {doing}; retry later.",
            statusCode: StatusCodes.Status502BadGateway,
            extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.MetaUnavailable, ["meta_status"] = exception.Status })
        : Problem.Refused(
            ErrorCodes.MetaRejected,
            $"Meta refused {doing}: {exception.MetaMessage ?? "no reason given"}",
            new Dictionary<string, object?> { ["meta_code"] = exception.MetaCode, ["meta_status"] = exception.Status });
}
