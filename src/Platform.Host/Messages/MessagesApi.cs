using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.Extensions.Options;
using Platform.Grains.Conversations;
using Platform.Grains.Messages;
using Platform.Host.Authentication;
using Platform.Host.Partner;
using Platform.Host.Problems;
using Platform.WhatsApp;
using Platform.WhatsApp.Messages;

namespace Platform.Host.Messages;

/// <summary>Sending messages of every type, and reading them back with their status history.</summary>
public static class MessagesApi
{
    /// <summary>Meta's limit on a text message's body.</summary>
    public const int MaxTextLength = MessageLimits.TextBody;

    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 100;

    public static RouteGroupBuilder MapMessagesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/messages")
            .WithTags("Messages")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.MessagesRead, ApiScopes.MessagesSend);

        group.MapPost("/", SendMessage).WithName("SendMessage")
            .WithSummary("Sends a WhatsApp message of any type; answers 202 once the message is durably accepted. Honours Idempotency-Key for 24 hours.")
            .Accepts<JsonElement>("application/json")
            .Produces<MessageAcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListMessages).WithName("ListMessages")
            .WithSummary("The tenant's messages, newest first, filtered by number, customer, direction, status and time; paged with a cursor.");
        group.MapGet("/{id}", GetMessage).WithName("GetMessage")
            .WithSummary("A message with its status history.");
        return group;
    }

    private static async Task<IResult> SendMessage(
        HttpRequest request, CurrentTenant tenant, MessageSender sender, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        var key = IdempotencyKeys.Read(request, out var keyValid);
        if (!keyValid)
        {
            return Problem.Invalid(IdempotencyKeys.Header, $"An idempotency key is 1 to {IdempotencyKeys.MaxLength} printable ASCII characters.");
        }

        string? unreadable = null;
        if (await MessageBody.ReadAsync(request, error => unreadable = error) is not { } body)
        {
            return Problem.Invalid("$", unreadable!);
        }

        using var document = body.Json;
        var errors = new ValidationErrors();
        var root = document.RootElement;
        var from = root.ValueKind == JsonValueKind.Object ? errors.Text(root, "from", "from", 64, required: false) : null;
        if (from is null)
        {
            errors.Add("from", "The business phone number's phone_number_id is required.");
        }

        var to = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("to", out var toValue) && toValue.ValueKind == JsonValueKind.String
            ? WaIds.ToRecipient(toValue.GetString())
            : null;
        if (to is null)
        {
            errors.Add("to", "The customer's number is required, in international form (for example +4915123456789).");
        }

        var message = MessageValidator.Validate(root, errors);
        if (!errors.IsEmpty || message is null)
        {
            return Problem.Invalid(errors.ToDictionary());
        }

        var messageId = sender.NewMessageId();
        IIdempotencyGrain? idempotency = null;
        var hash = IdempotencyKeys.Hash(body.Bytes);
        if (key is not null)
        {
            idempotency = IdempotencyKeys.Grain(grains, tenant.Id, "v1", key);
            var claim = await idempotency.ClaimAsync(hash, messageId);
            if (claim.Conflict)
            {
                return Problem.Conflict(ErrorCodes.IdempotencyConflict, "This Idempotency-Key was used with a different request body in the last 24 hours; use a new key for a new message.");
            }

            if (claim.Response is { } stored)
            {
                return Results.Content(stored.Body, stored.ContentType, statusCode: stored.Status);
            }

            messageId = claim.MessageId!;
        }

        var attempt = await sender.SendAsync(tenant.Id, from!, to!, message, messageId, mayRepeat: key is not null);
        var (result, response) = Render(attempt, json.Value.SerializerOptions);
        if (idempotency is not null)
        {
            await idempotency.CompleteAsync(hash, response);
        }

        return result;
    }

    private static (IResult Result, IdempotentResponse Stored) Render(SendAttempt attempt, JsonSerializerOptions json)
    {
        if (attempt.Refusal is { } refusal)
        {
            var extensions = new Dictionary<string, object?>();
            if (refusal.Code == ErrorCodes.WindowClosed)
            {
                extensions["window_closed_at"] = refusal.WindowClosedAt;
            }

            var problem = Problem.Refused(refusal.Code, refusal.Detail, extensions);
            return (problem, new IdempotentResponse(problem.StatusCode, JsonSerializer.Serialize(problem.ProblemDetails, json), "application/problem+json"));
        }

        var accepted = new MessageAcceptedResponse(attempt.MessageId!, MessageStatuses.Accepted);
        return (
            TypedResults.Accepted($"/v1/messages/{accepted.Id}", accepted),
            new IdempotentResponse(StatusCodes.Status202Accepted, JsonSerializer.Serialize(accepted, json), "application/json"));
    }

    private static async Task<Results<Ok<ListResponse<MessageResponse>>, ValidationProblem>> ListMessages(
        CurrentTenant tenant,
        IMessageStore messages,
        [FromQuery(Name = "phone_number_id")] string? phoneNumberId,
        string? customer,
        string? direction,
        string? status,
        [FromQuery(Name = "created_after")] DateTimeOffset? createdAfter,
        [FromQuery(Name = "created_before")] DateTimeOffset? createdBefore,
        string? cursor,
        int? limit,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var waId = customer is null ? null : WaIds.ToRecipient(customer) ?? WaIds.Normalize(customer);
        if (customer is not null && waId is null)
        {
            errors["customer"] = ["The customer's number, in international form."];
        }

        if (direction is not (null or MessageRecord.Inbound or MessageRecord.Outbound))
        {
            errors["direction"] = ["Must be inbound or outbound."];
        }

        if (status is not null && MessageStatuses.Rank(status) < 0)
        {
            errors["status"] = ["Must be one of: accepted, received, sent, delivered, read, failed."];
        }

        if (cursor is not null && !HistoryKeys.IsRowKey(cursor))
        {
            errors["cursor"] = ["Pass the next_cursor of a previous page as it was."];
        }

        if (limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"Must be 1 to {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var page = await messages.ListAsync(
            new MessageQuery(tenant.Id, limit ?? DefaultPageSize)
            {
                PhoneNumberId = phoneNumberId,
                CustomerWaId = waId,
                Direction = direction,
                Status = status,
                CreatedAfter = createdAfter,
                CreatedBefore = createdBefore,
                Cursor = cursor,
            },
            cancellationToken);
        return TypedResults.Ok(new ListResponse<MessageResponse>([.. page.Messages.Select(MessageResponse.Of)], page.NextCursor));
    }

    private static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> GetMessage(
        string id, CurrentTenant tenant, IMessageStore messages, CancellationToken cancellationToken) =>
        await messages.GetAsync(tenant.Id, id, cancellationToken) is { } record
            ? TypedResults.Ok(MessageResponse.Of(record))
            : Problem.NotFound($"No message of this tenant has id '{id}'.");
}
