using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Platform.Host.Problems;
using Platform.ServiceDefaults;

namespace Platform.Host.MetaWebhooks;

/// <summary>
/// Meta's webhook ingress: the verification handshake, and every POST checked, parsed and published to the inbound queue in
/// one publish before the 200. Nothing slow happens before the answer: routing, deduplication and the tenants' webhooks
/// all run behind the queue.
/// </summary>
public static class MetaWebhooksApi
{
    /// <summary>Meta batches up to 1,000 changes in one POST; this leaves room for that and refuses anything far beyond.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    public static RouteGroupBuilder MapMetaWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/webhooks/whatsapp").WithTags("Meta webhooks").AllowAnonymous();
        group.MapGet("/", Verify).WithName("VerifyMetaWebhook")
            .WithSummary("Meta's subscription handshake: answers hub.challenge when hub.verify_token is WhatsApp__VerifyToken.");
        group.MapPost("/", Receive).WithName("ReceiveMetaWebhook")
            .WithSummary("Meta's webhook: verified with X-Hub-Signature-256, queued, answered 200 at once.")
            .AddEndpointFilter(MeasureIngress);
        return group;
    }

    // Meta holds us to a median answer of 250 ms: the ingress latency is the number to watch.
    private static async ValueTask<object?> MeasureIngress(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await next(context);
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        context.HttpContext.RequestServices.GetRequiredService<PlatformMetrics>().WebhookIngress(Stopwatch.GetElapsedTime(started), status);
        return result;
    }

    private static Results<ContentHttpResult, ProblemHttpResult> Verify(
        [FromQuery(Name = "hub.mode")] string? mode,
        [FromQuery(Name = "hub.verify_token")] string? token,
        [FromQuery(Name = "hub.challenge")] string? challenge,
        IOptions<MetaWebhookOptions> options)
    {
        var expected = options.Value.VerifyToken;
        var matches = !string.IsNullOrEmpty(expected) && token is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expected));
        if (mode != "subscribe" || !matches || challenge is null)
        {
            return TypedResults.Problem(
                detail: "The verification token does not match WhatsApp__VerifyToken.",
                statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.WebhookVerificationFailed });
        }

        return TypedResults.Text(challenge, "text/plain");
    }

    private static async Task<Results<Ok, ProblemHttpResult, ValidationProblem>> Receive(
        HttpRequest request, IOptions<MetaWebhookOptions> options, IPublishEndpoint publisher, TimeProvider time, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.Problem(detail: $"The body exceeds {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge,
                extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.InvalidRequest });
        }

        var body = await ReadAsync(request, cancellationToken);
        var secret = options.Value.AppSecret;
        if (body is null || string.IsNullOrEmpty(secret) || !MetaSignature.IsValid(request.Headers[MetaSignature.Header], body, secret))
        {
            return TypedResults.Problem(
                detail: "X-Hub-Signature-256 is missing or does not match the body signed with the app secret.",
                statusCode: StatusCodes.Status401Unauthorized,
                extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.Unauthorized });
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Problem.Invalid("body", "The body is not JSON.");
        }

        using (document)
        {
            var updates = MetaWebhookParser.Parse(document.RootElement, receivedAt);
            if (updates.Messages.Count + updates.Statuses.Count + updates.TemplateStatuses.Count + updates.MarketingPreferences.Count
                + updates.PhoneNumberQualities.Count + updates.AccountChanges.Count + updates.Errors.Count > 0)
            {
                await publisher.Publish(updates, cancellationToken);
            }
        }

        return TypedResults.Ok();
    }

    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
