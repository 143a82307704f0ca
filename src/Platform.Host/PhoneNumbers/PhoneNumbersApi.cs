using System.Buffers;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Grains.Identifiers;
using Platform.Grains.Routing;
using Platform.Grains.Tenants;
using Platform.Host.Authentication;
using Platform.Host.Problems;
using Platform.WhatsApp.Channels;

namespace Platform.Host.PhoneNumbers;

/// <summary>A tenant's WhatsApp business phone numbers. Meta's phone-number id is unique across the platform: inbound traffic is routed by it.</summary>
public static class PhoneNumbersApi
{
    private const int MaxIdLength = 64;
    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_");

    public static RouteGroupBuilder MapPhoneNumbersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/phone-numbers")
            .WithTags("Phone numbers")
            .RequireAuthorization(AuthenticationSchemes.TenantKey);

        group.MapPost("/", RegisterPhoneNumber).WithName("RegisterPhoneNumber")
            .WithSummary("Registers a WhatsApp business phone number and the channel that carries its traffic.");
        return group;
    }

    private static async Task<Results<Created<PhoneNumberResponse>, ValidationProblem, ProblemHttpResult>> RegisterPhoneNumber(
        RegisterPhoneNumberRequest request, CurrentTenant tenant, IGrainFactory grains, WhatsAppChannels channels, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.PhoneNumberId) || request.PhoneNumberId.Length > MaxIdLength
            || request.PhoneNumberId.AsSpan().ContainsAnyExcept(IdCharacters))
        {
            errors["phone_number_id"] = [$"Meta's phone-number id is required: 1 to {MaxIdLength} letters, digits, '-' or '_'."];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayPhoneNumber) || request.DisplayPhoneNumber.Length > 32)
        {
            errors["display_phone_number"] = ["The number as people dial it is required (at most 32 characters)."];
        }

        var channel = request.Channel ?? Platform.WhatsApp.Sandbox.SandboxChannel.ChannelName;
        if (!channels.Names.Contains(channel))
        {
            errors["channel"] = [$"The channel must be one of: {string.Join(", ", channels.Names)}."];
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        if (!await grains.GetGrain<IPhoneNumberOwnerGrain>(request.PhoneNumberId!).ClaimAsync(tenant.Id))
        {
            return Problem.Conflict(ErrorCodes.PhoneNumberTaken, $"Phone number {request.PhoneNumberId} is registered to another tenant.");
        }

        var now = time.GetUtcNow();
        var number = new PhoneNumber(
            PlatformIds.New("pn", now), request.PhoneNumberId!, request.DisplayPhoneNumber!.Trim(), channel, PhoneNumberStatuses.Connected, now);
        await grains.GetGrain<ITenantGrain>(tenant.Id).AddPhoneNumberAsync(number);
        return TypedResults.Created($"/v1/phone-numbers/{number.Id}", PhoneNumberResponse.From(number));
    }
}
