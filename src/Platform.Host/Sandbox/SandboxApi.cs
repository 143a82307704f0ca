using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Grains.Tenants;
using Platform.Host.Authentication;
using Platform.Host.Messages;
using Platform.Host.Problems;
using Platform.WhatsApp;
using Platform.WhatsApp.Sandbox;

namespace Platform.Host.Sandbox;

/// <summary>Lets a developer play the customer on a sandbox number: the message takes the same inbound path as Meta's webhooks.</summary>
public static class SandboxApi
{
    public static RouteGroupBuilder MapSandboxApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/sandbox")
            .WithTags("Sandbox")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.MessagesRead, ApiScopes.MessagesSend);

        group.MapPost("/inbound", CustomerWrites).WithName("SandboxInbound")
            .WithSummary("A customer writes to one of the tenant's sandbox numbers.");
        return group;
    }

    private static async Task<Results<Accepted<SandboxInboundResponse>, ValidationProblem, ProblemHttpResult>> CustomerWrites(
        SandboxInboundRequest request, CurrentTenant tenant, IGrainFactory grains, IPublishEndpoint publisher, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.PhoneNumberId))
        {
            errors["phone_number_id"] = ["The sandbox number's phone_number_id is required."];
        }

        var from = WaIds.Normalize(request.From);
        if (from is null)
        {
            errors["from"] = ["The customer's number is required, in international form (for example +4915123456789)."];
        }

        if (string.IsNullOrEmpty(request.Text) || request.Text.Length > MessagesApi.MaxTextLength)
        {
            errors["text"] = [$"A text of 1 to {MessagesApi.MaxTextLength} characters is required."];
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var number = await grains.GetGrain<ITenantGrain>(tenant.Id).FindPhoneNumberAsync(request.PhoneNumberId!);
        if (number?.Channel != SandboxChannel.ChannelName)
        {
            return Problem.Refused(ErrorCodes.PhoneNumberUnavailable, $"Phone number {request.PhoneNumberId} is not a sandbox number of this tenant.");
        }

        var updates = SandboxCustomer.Writes(number.PhoneNumberId, from!, request.Text!, time.GetUtcNow());
        await publisher.Publish(updates);
        return TypedResults.Accepted((string?)null, new SandboxInboundResponse(updates.Messages[0].Wamid));
    }
}
