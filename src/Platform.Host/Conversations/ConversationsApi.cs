using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Grains.Contacts;
using Platform.Grains.Conversations;
using Platform.Grains.Messages;
using Platform.Host.Authentication;
using Platform.Host.Messages;
using Platform.Host.Problems;
using Platform.WhatsApp;

namespace Platform.Host.Conversations;

/// <summary>A customer's conversation as a support agent needs it: the window, consent and recent messages.</summary>
public static class ConversationsApi
{
    private const int RecentMessages = 20;

    public static RouteGroupBuilder MapConversationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/conversations")
            .WithTags("Conversations")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.MessagesRead, ApiScopes.MessagesSend);

        group.MapGet("/{waId}", GetConversation).WithName("GetConversation")
            .WithSummary("The customer's service window (open until when), consent and recent messages; ?phone_number_id= picks the number, otherwise the most recent one.");
        return group;
    }

    private static async Task<Results<Ok<ConversationResponse>, ValidationProblem, ProblemHttpResult>> GetConversation(
        string waId, [FromQuery(Name = "phone_number_id")] string? phoneNumberId, CurrentTenant tenant, IGrainFactory grains, IMessageStore messages, MessageSender sender,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if ((WaIds.ToRecipient(waId) ?? WaIds.Normalize(waId)) is not { } recipient)
        {
            return Problem.Invalid("wa_id", "The customer's number, in international form.");
        }

        var customer = await sender.WaIdOfAsync(tenant.Id, recipient);
        if (phoneNumberId is null)
        {
            var latest = await messages.ListAsync(new MessageQuery(tenant.Id, 1) { CustomerWaId = customer }, cancellationToken);
            if (latest.Messages is not [var last, ..])
            {
                return Problem.NotFound($"No conversation with {customer} yet; name the number with ?phone_number_id= to see its window and consent.");
            }

            phoneNumberId = last.PhoneNumberId;
        }
        else if (await grains.GetGrain<Platform.Grains.Tenants.ITenantGrain>(tenant.Id).FindPhoneNumberAsync(phoneNumberId) is null)
        {
            return Problem.NotFound($"Phone number {phoneNumberId} is not a number of this tenant.");
        }

        var summary = await grains.GetGrain<IConversationGrain>(new ConversationKey(tenant.Id, phoneNumberId, customer).ToString()).GetSummaryAsync();
        var consent = await grains.GetGrain<IContactGrain>(new ContactKey(tenant.Id, customer).ToString()).GetConsentAsync();
        var recent = await messages.ListAsync(
            new MessageQuery(tenant.Id, RecentMessages) { CustomerWaId = customer, PhoneNumberId = phoneNumberId }, cancellationToken);
        return TypedResults.Ok(new ConversationResponse(
            customer,
            phoneNumberId,
            summary.WindowOpenUntil > time.GetUtcNow(),
            summary.WindowOpenUntil,
            summary.LastCustomerMessageAt,
            ConsentResponse.From(consent),
            [.. recent.Messages.Select(MessageResponse.Of)]));
    }
}
