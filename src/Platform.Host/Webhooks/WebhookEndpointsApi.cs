using System.Security.Cryptography;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Platform.Contracts.TenantEvents;
using Platform.Grains.Deliveries;
using Platform.Grains.Identifiers;
using Platform.Grains.TenantEvents;
using Platform.Grains.Webhooks;
using Platform.Host.Authentication;
using Platform.Host.Problems;
using Platform.Host.Security;

namespace Platform.Host.Webhooks;

/// <summary>URLs that receive a tenant's events, each with its own signing secret, event filter and payload format.</summary>
public static class WebhookEndpointsApi
{
    public const int MaxDescriptionLength = 500;
    public const int MaxEndpoints = 20;
    public const int DefaultAttemptsPage = 50;
    public const int MaxAttemptsPage = 200;
    private static readonly string[] AttemptOutcomes =
        [DeliveryOutcomes.Delivered, DeliveryOutcomes.Failed, DeliveryOutcomes.Rejected, DeliveryOutcomes.Gone, DeliveryOutcomes.Skipped];
    private static readonly TimeSpan MaxRotationOverlap = TimeSpan.FromDays(7);

    public static RouteGroupBuilder MapWebhookEndpointsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/webhook-endpoints")
            .WithTags("Webhook endpoints")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.WebhooksWrite, ApiScopes.WebhooksWrite);

        group.MapPost("/", Create).WithName("CreateWebhookEndpoint")
            .WithSummary("Adds a URL that receives the tenant's events; the signing secret is in this answer only.");
        group.MapGet("/", List).WithName("ListWebhookEndpoints").WithSummary("The tenant's webhook endpoints, oldest first.");
        group.MapGet("/{id}", Get).WithName("GetWebhookEndpoint").WithSummary("One endpoint, with the reason when the platform disabled it.");
        group.MapPatch("/{id}", Update).WithName("UpdateWebhookEndpoint")
            .WithSummary("Changes the URL, event types, format, description, or enables/disables the endpoint.");
        group.MapDelete("/{id}", Delete).WithName("DeleteWebhookEndpoint").WithSummary("Removes the endpoint; it receives nothing more.");
        group.MapPost("/{id}/rotate-secret", RotateSecret).WithName("RotateWebhookSecret")
            .WithSummary("Issues a new signing secret; the previous one keeps signing (a second v1= part) until it expires.");
        group.MapPost("/{id}/test", SendTest).WithName("SendWebhookTestEvent").WithSummary("Queues a webhook.test event to this endpoint only.");
        group.MapGet("/{id}/deliveries", Deliveries).WithName("ListWebhookDeliveries")
            .WithSummary("The endpoint's attempts, newest first (limit, cursor; filter by event_id or status), and its retry backlog.");
        return group;
    }

    private static async Task<Results<Created<WebhookEndpointCreatedResponse>, ValidationProblem>> Create(
        CreateWebhookEndpointRequest request,
        CurrentTenant tenant,
        IGrainFactory grains,
        SecretProtector protector,
        IOptions<WebhookOptions> options,
        TimeProvider time)
    {
        var errors = Validate(request.Url, request.EventTypes, request.Format, null, request.Description, options.Value, urlRequired: true);
        var endpoints = grains.GetGrain<IWebhookEndpointsGrain>(tenant.Id);
        if (errors.Count == 0 && (await endpoints.ListAsync()).Count >= MaxEndpoints)
        {
            errors["url"] = [$"A tenant may have at most {MaxEndpoints} webhook endpoints."];
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var secret = NewSecret();
        var endpoint = new WebhookEndpointDefinition(
            PlatformIds.New("whe", now),
            request.Url!,
            (request.EventTypes ?? []).Distinct().ToList(),
            request.Format ?? WebhookEndpointFormats.Platform,
            protector.Protect(secret),
            null,
            null,
            WebhookEndpointStatuses.Enabled,
            null,
            null,
            now,
            request.Description);
        await endpoints.AddAsync(endpoint);
        return TypedResults.Created(
            $"/v1/webhook-endpoints/{endpoint.Id}",
            new WebhookEndpointCreatedResponse(endpoint.Id, endpoint.Url, endpoint.EventTypes, endpoint.Format, endpoint.Status, endpoint.Description, secret, endpoint.CreatedAt));
    }

    private static async Task<Ok<WebhookEndpointListResponse>> List(CurrentTenant tenant, IGrainFactory grains, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var endpoints = await grains.GetGrain<IWebhookEndpointsGrain>(tenant.Id).ListAsync();
        return TypedResults.Ok(new WebhookEndpointListResponse([.. endpoints.Select(endpoint => WebhookEndpointResponse.From(endpoint, now))]));
    }

    private static async Task<Results<Ok<WebhookEndpointResponse>, ProblemHttpResult>> Get(
        string id, CurrentTenant tenant, IGrainFactory grains, TimeProvider time) =>
        await grains.GetGrain<IWebhookEndpointsGrain>(tenant.Id).GetAsync(id) is { } endpoint
            ? TypedResults.Ok(WebhookEndpointResponse.From(endpoint, time.GetUtcNow()))
            : NotFound(id);

    private static async Task<Results<Ok<WebhookEndpointResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string id, UpdateWebhookEndpointRequest request, CurrentTenant tenant, IGrainFactory grains, IOptions<WebhookOptions> options, TimeProvider time)
    {
        var errors = Validate(request.Url, request.EventTypes, request.Format, request.Status, request.Description, options.Value, urlRequired: false);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var update = new WebhookEndpointUpdate(
            request.Url, request.EventTypes?.Distinct().ToList(), request.Format, request.Status, request.Description);
        return await grains.GetGrain<IWebhookEndpointsGrain>(tenant.Id).UpdateAsync(id, update) is { } endpoint
            ? TypedResults.Ok(WebhookEndpointResponse.From(endpoint, time.GetUtcNow()))
            : NotFound(id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, CurrentTenant tenant, IGrainFactory grains) =>
        await grains.GetGrain<IWebhookEndpointsGrain>(tenant.Id).RemoveAsync(id) ? TypedResults.NoContent() : NotFound(id);

    private static async Task<Results<Ok<RotatedSecretResponse>, ValidationProblem, ProblemHttpResult>> RotateSecret(
        string id,
        RotateWebhookSecretRequest? request,
        CurrentTenant tenant,
        IGrainFactory grains,
        SecretProtector protector,
        IOptions<WebhookOptions> options,
        TimeProvider time)
    {
        var overlap = request?.ExpiresInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.Value.SecretRotationOverlap;
        if (overlap < TimeSpan.Zero || overlap > MaxRotationOverlap)
        {
            return Problem.Invalid("expires_in_seconds", $"The previous secret may keep signing for 0 to {MaxRotationOverlap.TotalSeconds:0} seconds.");
        }

        var secret = NewSecret();
        var expiresAt = time.GetUtcNow() + overlap;
        return await grains.GetGrain<IWebhookEndpointsGrain>(tenant.Id).RotateSecretAsync(id, protector.Protect(secret), expiresAt) is { } endpoint
            ? TypedResults.Ok(new RotatedSecretResponse(endpoint.Id, secret, expiresAt))
            : NotFound(id);
    }

    private static async Task<Results<Accepted<TestEventResponse>, ProblemHttpResult>> SendTest(
        string id, CurrentTenant tenant, IGrainFactory grains, IPublishEndpoint publisher, TimeProvider time)
    {
        if (await grains.GetGrain<IWebhookEndpointsGrain>(tenant.Id).GetAsync(id) is not { } endpoint)
        {
            return NotFound(id);
        }

        if (!endpoint.IsEnabled)
        {
            return Problem.Conflict(ErrorCodes.WebhookEndpointDisabled, $"Webhook endpoint {id} is disabled ({endpoint.DisabledReason}); enable it first.");
        }

        var raised = TenantEventFactory.WebhookTest(tenant.Id, endpoint.Id, time.GetUtcNow());
        var deliveryId = TenantEventFanOutConsumer.DeliveryId(raised, endpoint.Id);
        await publisher.Publish(new DeliverTenantEvent
        {
            TenantId = tenant.Id,
            EndpointId = endpoint.Id,
            DeliveryId = deliveryId,
            EventId = raised.EventId,
            Type = raised.Type,
            Body = raised.Body,
        });
        return TypedResults.Accepted($"/v1/webhook-endpoints/{id}/deliveries", new TestEventResponse(raised.EventId, deliveryId));
    }

    private static async Task<Results<Ok<DeliveriesResponse>, ProblemHttpResult, ValidationProblem>> Deliveries(
        string id,
        int? limit,
        string? cursor,
        [FromQuery(Name = "event_id")] string? eventId,
        string? status,
        CurrentTenant tenant,
        IGrainFactory grains,
        IDeliveryAttemptStore attempts,
        CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxAttemptsPage)
        {
            return Problem.Invalid("limit", $"The limit is 1 to {MaxAttemptsPage}.");
        }

        if (cursor is not null && DeliveryAttemptKeys.RowKey(cursor) is null)
        {
            return Problem.Invalid("cursor", "Use the next_cursor of the previous page.");
        }

        if (status is not null && !AttemptOutcomes.Contains(status))
        {
            return Problem.Invalid("status", $"The status is one of {string.Join(", ", AttemptOutcomes)}.");
        }

        // The tenant's own endpoint list decides: another tenant's endpoint id is not found, like an unknown one.
        if (await grains.GetGrain<IWebhookEndpointsGrain>(tenant.Id).GetAsync(id) is null)
        {
            return NotFound(id);
        }

        var key = new WebhookDeliveryKey(tenant.Id, id);
        var page = await attempts.ListAsync(key, new DeliveryAttemptQuery(limit ?? DefaultAttemptsPage, cursor, status, eventId), cancellationToken);
        var backlog = await grains.GetGrain<IWebhookDeliveryGrain>(key.ToString()).GetBacklogAsync();
        return TypedResults.Ok(new DeliveriesResponse(
            [.. page.Attempts.Select(DeliveryAttemptResponse.From)], backlog.Pending, backlog.FailingSince, page.NextCursor));
    }

    private static Dictionary<string, string[]> Validate(
        string? url, IReadOnlyList<string>? eventTypes, string? format, string? status, string? description, WebhookOptions options, bool urlRequired)
    {
        var errors = new Dictionary<string, string[]>();
        if ((urlRequired || url is not null) && WebhookUrlPolicy.Check(url, options.AllowPrivateTargets == true) is { } urlError)
        {
            errors["url"] = [urlError];
        }

        if (eventTypes is not null && eventTypes.FirstOrDefault(type => !TenantEventTypes.All.Contains(type)) is { } unknown)
        {
            errors["event_types"] = [$"'{unknown}' is not an event type; use any of {string.Join(", ", TenantEventTypes.All)}."];
        }

        if (format is not null && !WebhookEndpointFormats.IsKnown(format))
        {
            errors["format"] = [$"The format is '{WebhookEndpointFormats.Platform}' or '{WebhookEndpointFormats.Meta}'."];
        }

        if (status is not null && !WebhookEndpointStatuses.IsKnown(status))
        {
            errors["status"] = [$"The status is '{WebhookEndpointStatuses.Enabled}' or '{WebhookEndpointStatuses.Disabled}'."];
        }

        if (description?.Length > MaxDescriptionLength)
        {
            errors["description"] = [$"The description has at most {MaxDescriptionLength} characters."];
        }

        return errors;
    }

    private static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ProblemHttpResult NotFound(string id) => Problem.NotFound($"No webhook endpoint has id '{id}'.");
}
