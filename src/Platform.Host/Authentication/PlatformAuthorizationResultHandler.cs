using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Platform.Host.Authentication;

/// <summary>Answers a tenant key refused by <see cref="TenantAccessHandler"/> with its 403 problem detail; everything else as usual.</summary>
internal sealed class PlatformAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailureReasons.OfType<TenantAccessFailure>().FirstOrDefault() is { } failure)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            var problem = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Detail = failure.Message, Extensions = { ["code"] = failure.Code } };
            foreach (var (name, value) in failure.Extensions)
            {
                problem.Extensions[name] = value;
            }

            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
