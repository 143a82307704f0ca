using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Platform.Host.Audit;
using Platform.Host.Authentication;
using Platform.Host.Problems;

namespace Platform.Host.RateLimiting;

public static class RateLimitingHosting
{
    /// <summary>One token bucket per tenant API key; the operator and anonymous callers are not limited here.</summary>
    public static WebApplicationBuilder AddPlatformRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.User.FindFirst(PlatformClaims.KeyId)?.Value is not { } keyId)
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                // A tenant's own limit (set by the operator, for example per price plan) travels with the key; a changed
                // limit is a new partition, so it applies from the next request.
                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var (permits, burst) = context.User.FindFirst(PlatformClaims.RateLimit)?.Value.Split('/') is [var p, var b]
                    ? (int.Parse(p, CultureInfo.InvariantCulture), int.Parse(b, CultureInfo.InvariantCulture))
                    : (options.PermitsPerSecond, options.Burst);
                return RateLimitPartition.GetTokenBucketLimiter($"{keyId}/{permits}/{burst}", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst,
                    TokensPerPeriod = permits,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Detail = $"This key sent too many requests; retry after {retryAfter} s.",
                        Extensions = { ["code"] = ErrorCodes.RateLimited },
                    },
                });
            };
        });
        return builder;
    }

    /// <summary>
    /// After authorization, which is where the tenant key's claims are known: the per-key limit, then the audit of writes
    /// on routes that do not record their own changes.
    /// </summary>
    public static WebApplication UsePlatformRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseMiddleware<AuditedWrites>();
        return app;
    }
}
