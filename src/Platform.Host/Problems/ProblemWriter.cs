using Microsoft.AspNetCore.Mvc;

namespace Platform.Host.Problems;

/// <summary>Writes a problem detail straight to the response, for code that runs outside an endpoint (authentication, errors).</summary>
internal static class ProblemWriter
{
    public static async Task WriteAsync(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        });
    }
}
