using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Grains.Conversations;
using Platform.Grains.Identifiers;
using Platform.Grains.Messages;
using Platform.Grains.Tenants;
using Platform.Host.Authentication;
using Platform.Host.Problems;
using Platform.WhatsApp;

namespace Platform.Host.Messages;

/// <summary>Sending messages and reading them back with their status history.</summary>
public static class MessagesApi
{
    /// <summary>Meta's limit on a text message's body.</summary>
    public const int MaxTextLength = 4096;

    public static RouteGroupBuilder MapMessagesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/messages")
            .WithTags("Messages")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.MessagesRead, ApiScopes.MessagesSend);

        group.MapPost("/", SendMessage).WithName("SendMessage")
            .WithSummary("Sends a WhatsApp message; answers once the message is durably accepted.");
        group.MapGet("/{id}", GetMessage).WithName("GetMessage")
            .WithSummary("A message with its status history.");
        return group;
    }

    private static async Task<Results<Accepted<MessageAcceptedResponse>, ValidationProblem, ProblemHttpResult>> SendMessage(
        SendMessageRequest request, CurrentTenant tenant, IGrainFactory grains, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.From))
        {
            errors["from"] = ["The business phone number's phone_number_id is required."];
        }

        var to = WaIds.Normalize(request.To);
        if (to is null)
        {
            errors["to"] = ["The customer's number is required, in international form (for example +4915123456789)."];
        }

        if (request.Type != "text")
        {
            errors["type"] = ["The type must be one of: text."];
        }
        else if (string.IsNullOrEmpty(request.Text?.Body) || request.Text.Body.Length > MaxTextLength)
        {
            errors["text.body"] = [$"A text of 1 to {MaxTextLength} characters is required."];
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var number = await grains.GetGrain<ITenantGrain>(tenant.Id).FindPhoneNumberAsync(request.From!);
        if (number is null || number.Status != PhoneNumberStatuses.Connected)
        {
            return Problem.Refused(ErrorCodes.PhoneNumberUnavailable, $"Phone number {request.From} is not a connected number of this tenant.");
        }

        var messageId = PlatformIds.New("msg", time.GetUtcNow());
        var content = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["body"] = request.Text!.Body!,
            ["preview_url"] = request.Text.PreviewUrl ?? false,
        });
        var conversation = grains.GetGrain<IConversationGrain>(new ConversationKey(tenant.Id, number.PhoneNumberId, to!).ToString());
        var decision = await conversation.SendAsync(new OutboundMessage(messageId, number.Channel, request.Type!, content));
        if (decision.Refusal is { } refusal)
        {
            return Problem.Refused(refusal.Code, refusal.Detail, new Dictionary<string, object?> { ["window_closed_at"] = refusal.WindowClosedAt });
        }

        return TypedResults.Accepted($"/v1/messages/{messageId}", new MessageAcceptedResponse(messageId, MessageStatuses.Accepted));
    }

    private static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> GetMessage(
        string id, CurrentTenant tenant, IMessageStore messages, CancellationToken cancellationToken) =>
        await messages.GetAsync(tenant.Id, id, cancellationToken) is { } record
            ? TypedResults.Ok(MessageResponse.Of(record))
            : Problem.NotFound($"No message of this tenant has id '{id}'.");
}
