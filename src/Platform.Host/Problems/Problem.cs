using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Host.Problems;

/// <summary>The problem details endpoints answer with: RFC 9457, with a stable <c>code</c> and a sentence a person can act on.</summary>
public static class Problem
{
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            detail: "The request is not valid; see errors for each field.",
            extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.InvalidRequest });

    public static ValidationProblem Invalid(string field, string error) => Invalid(new Dictionary<string, string[]> { [field] = [error] });

    public static ProblemHttpResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound, detail);

    public static ProblemHttpResult Conflict(string code, string detail) => Create(StatusCodes.Status409Conflict, code, detail);

    /// <summary>A well-formed request that WhatsApp's rules refuse.</summary>
    public static ProblemHttpResult Refused(string code, string detail, IDictionary<string, object?>? extensions = null) =>
        Create(StatusCodes.Status422UnprocessableEntity, code, detail, extensions);

    private static ProblemHttpResult Create(int status, string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return TypedResults.Problem(detail: detail, statusCode: status, extensions: all);
    }
}
