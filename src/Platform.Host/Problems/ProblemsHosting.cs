namespace Platform.Host.Problems;

public static class ProblemsHosting
{
    /// <summary>
    /// Every error is a problem detail with a <c>code</c>: ours carry a specific one; those the framework writes itself
    /// (404 for an unknown route, 405, 415) get one derived from the status.
    /// </summary>
    public static WebApplicationBuilder AddPlatformProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd("code", CodeFor(status));
        });
        builder.Services.AddExceptionHandler<ExceptionProblemHandler>();

        // Malformed JSON then throws a BadHttpRequestException that ExceptionProblemHandler answers as a 400 problem detail.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    private static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.InvalidRequest,
        StatusCodes.Status401Unauthorized => ErrorCodes.Unauthorized,
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status413PayloadTooLarge => "payload_too_large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        StatusCodes.Status429TooManyRequests => "rate_limited",
        StatusCodes.Status503ServiceUnavailable => ErrorCodes.ServiceUnavailable,
        _ => ErrorCodes.InternalError,
    };
}
