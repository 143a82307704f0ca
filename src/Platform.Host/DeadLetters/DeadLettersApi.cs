using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Contracts.Inbound;
using Platform.Grains.Deliveries;
using Platform.Grains.Webhooks;
using Platform.Host.Authentication;
using Platform.Host.Inbound;
using Platform.Host.Problems;

namespace Platform.Host.DeadLetters;

/// <summary>
/// What could not be delivered: a tenant's webhook deliveries that ran out of retries (listed and replayed by the tenant),
/// and Meta updates for numbers no tenant holds (listed and replayed by the operator).
/// </summary>
public static class DeadLettersApi
{
    public const int MaxPage = 500;

    public static RouteGroupBuilder MapInboundDeadLettersApi(this IEndpointRouteBuilder routes)
    {
        var partner = routes.MapGroup("/partner/v1/dead-letters")
            .WithTags("Partner: dead letters")
            .RequireAuthorization(AuthenticationSchemes.Operator);
        partner.MapGet("/inbound", ListInbound).WithName("ListInboundDeadLetters")
            .WithSummary("Meta updates for phone numbers no tenant holds, oldest first.");
        partner.MapPost("/inbound/{id}/replay", ReplayInbound).WithName("ReplayInboundDeadLetter")
            .WithSummary("Queues the update again, for example after the number was registered to a tenant.");
        return partner;
    }

    public static RouteGroupBuilder MapWebhookDeadLettersApi(this IEndpointRouteBuilder routes)
    {
        var tenant = routes.MapGroup("/v1/webhook-dead-letters")
            .WithTags("Webhook endpoints")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.WebhooksWrite, ApiScopes.WebhooksWrite);
        tenant.MapGet("/", ListDeliveries).WithName("ListWebhookDeadLetters")
            .WithSummary("Deliveries that ran out of retries, oldest first; filter with endpoint_id.");
        tenant.MapGet("/{id}", GetDelivery).WithName("GetWebhookDeadLetter").WithSummary("One dead-lettered delivery with its event.");
        tenant.MapPost("/{id}/replay", ReplayDelivery).WithName("ReplayWebhookDeadLetter")
            .WithSummary("Delivers it again (same delivery id) with a fresh retry schedule.");
        tenant.MapPost("/replay", ReplayDeliveries).WithName("ReplayWebhookDeadLetters")
            .WithSummary("Replays dead-lettered deliveries in bulk, oldest first.");
        return tenant;
    }

    private static async Task<Results<Ok<DeadLetterListResponse>, ValidationProblem>> ListInbound(
        string? after, int? limit, IDeadLetterStore store, CancellationToken cancellationToken)
    {
        if (Limit(limit) is not { } take)
        {
            return Problem.Invalid("limit", $"The limit is 1 to {MaxPage}.");
        }

        return TypedResults.Ok(Page(await store.ListAsync(DeadLetterPartitions.Inbound, take, after, cancellationToken), take));
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> ReplayInbound(string id, IDeadLetterStore store, IPublishEndpoint publisher)
    {
        if (await store.GetAsync(DeadLetterPartitions.Inbound, id) is not { } letter
            || JsonSerializer.Deserialize<WhatsAppUpdatesReceived>(letter.Body, UnroutedUpdates.Json) is not { } updates)
        {
            return Problem.NotFound($"No inbound dead letter has id '{id}'.");
        }

        await publisher.Publish(updates);
        await store.RemoveAsync(DeadLetterPartitions.Inbound, id);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Ok<DeadLetterListResponse>, ValidationProblem>> ListDeliveries(
        string? endpointId, string? after, int? limit, CurrentTenant tenant, IDeadLetterStore store, CancellationToken cancellationToken)
    {
        if (Limit(limit) is not { } take)
        {
            return Problem.Invalid("limit", $"The limit is 1 to {MaxPage}.");
        }

        var letters = await store.ListAsync(tenant.Id, take, after, cancellationToken);
        var page = Page(letters, take);
        return TypedResults.Ok(endpointId is null ? page : page with { Data = [.. page.Data.Where(letter => letter.EndpointId == endpointId)] });
    }

    private static async Task<Results<Ok<DeadLetterResponse>, ProblemHttpResult>> GetDelivery(string id, CurrentTenant tenant, IDeadLetterStore store) =>
        await store.GetAsync(tenant.Id, id) is { } letter ? TypedResults.Ok(DeadLetterResponse.From(letter)) : NotFound(id);

    private static async Task<Results<Accepted, ProblemHttpResult>> ReplayDelivery(
        string id, CurrentTenant tenant, IDeadLetterStore store, IGrainFactory grains)
    {
        if (await store.GetAsync(tenant.Id, id) is not { } letter)
        {
            return NotFound(id);
        }

        var endpoint = await grains.GetGrain<IWebhookEndpointsGrain>(tenant.Id).GetAsync(letter.EndpointId ?? "");
        if (endpoint is not { IsEnabled: true })
        {
            return Problem.Conflict(
                ErrorCodes.WebhookEndpointDisabled,
                endpoint is null ? $"Webhook endpoint {letter.EndpointId} was deleted." : $"Webhook endpoint {endpoint.Id} is disabled ({endpoint.DisabledReason}); enable it first.");
        }

        await ReplayAsync(letter, store, grains);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Ok<ReplayResponse>, ValidationProblem>> ReplayDeliveries(
        ReplayRequest? request, CurrentTenant tenant, IDeadLetterStore store, IGrainFactory grains)
    {
        if (Limit(request?.Limit) is not { } take)
        {
            return Problem.Invalid("limit", $"The limit is 1 to {MaxPage}.");
        }

        var endpoints = (await grains.GetGrain<IWebhookEndpointsGrain>(tenant.Id).ListAsync()).ToDictionary(endpoint => endpoint.Id);
        var replayed = 0;
        var skipped = new List<string>();
        string? after = null;
        while (replayed + skipped.Count < take)
        {
            var letters = await store.ListAsync(tenant.Id, take, after);
            if (letters.Count == 0)
            {
                break;
            }

            foreach (var letter in letters.Where(letter => request?.EndpointId is null || letter.EndpointId == request.EndpointId))
            {
                if (replayed + skipped.Count == take)
                {
                    break;
                }

                if (endpoints.GetValueOrDefault(letter.EndpointId ?? "") is { IsEnabled: true })
                {
                    await ReplayAsync(letter, store, grains);
                    replayed++;
                }
                else
                {
                    skipped.Add(letter.Id);
                }
            }

            after = letters[^1].Id;
        }

        return TypedResults.Ok(new ReplayResponse(replayed, skipped));
    }

    // The letter goes back into the endpoint's schedule with a fresh retry window, then leaves the dead letters: should the
    // removal fail, a second replay finds the delivery already waiting (same delivery id) and queues nothing twice.
    private static async Task ReplayAsync(DeadLetter letter, IDeadLetterStore store, IGrainFactory grains)
    {
        var delivery = new WebhookDelivery(letter.Id, letter.Partition, letter.EndpointId!, letter.EventId, letter.Type ?? "", letter.OrderingKey, letter.Body);
        await grains.GetGrain<IWebhookDeliveryGrain>(new WebhookDeliveryKey(letter.Partition, letter.EndpointId!).ToString()).EnqueueAsync(delivery);
        await store.RemoveAsync(letter.Partition, letter.Id);
    }

    private static int? Limit(int? limit) => limit switch
    {
        null => MaxPage,
        >= 1 and <= MaxPage => limit,
        _ => null,
    };

    private static DeadLetterListResponse Page(IReadOnlyList<DeadLetter> letters, int take) =>
        new([.. letters.Select(DeadLetterResponse.From)], letters.Count == take ? letters[^1].Id : null);

    private static ProblemHttpResult NotFound(string id) => Problem.NotFound($"No dead-lettered delivery has id '{id}'.");
}
