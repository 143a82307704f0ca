using Microsoft.AspNetCore.Diagnostics;
using Platform.Grains.Conversations;

namespace Platform.Host.Problems;

/// <summary>
/// Turns what escapes an endpoint into a problem detail: a body that is not JSON of the right shape is the caller's
/// mistake (400), never a 500; anything else is ours, logged, and answered without internals.
/// </summary>
internal sealed partial class ExceptionProblemHandler(ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case BadHttpRequestException badRequest:
                await ProblemWriter.WriteAsync(httpContext, StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, Describe(badRequest));
                return true;
            case SiloUnavailableException or MessageNotQueuedException or TimeoutException when !httpContext.RequestAborted.IsCancellationRequested:
                httpContext.Response.Headers.RetryAfter = "1";
                await ProblemWriter.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, ErrorCodes.ServiceUnavailable, "The platform is briefly unavailable; retry the request.");
                return true;
            default:
                LogUnhandled(exception, httpContext.Request.Path);
                await ProblemWriter.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, "Something went wrong on our side; retry the request.");
                return true;
        }
    }

    // The JSON error's message names our internal types; its path is what the caller needs.
    private static string Describe(BadHttpRequestException exception) =>
        exception.InnerException is System.Text.Json.JsonException json
            ? $"The body is not valid JSON for this request (at {json.Path ?? "$"})."
            : exception.Message;

    [LoggerMessage(LogLevel.Error, "Unhandled error on {Path}")]
    private partial void LogUnhandled(Exception exception, string path);
}
