using System.Buffers;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Grains.Audit;
using Platform.Grains.Identifiers;
using Platform.Grains.Routing;
using Platform.Grains.Tenants;
using Platform.Host.Audit;
using Platform.Host.Problems;
using Platform.Host.Security;
using Platform.WhatsApp.Onboarding;

namespace Platform.Host.PhoneNumbers;

/// <summary>
/// Registers a business number for a tenant, from the portal or the partner API. A <c>cloud_api</c> number goes through
/// Meta first: the token must read the number (which is what stops a tenant from claiming a number that is not theirs),
/// the number is registered with its PIN, and the app subscribes to the account's webhooks. Only then is it claimed, and
/// its token stored encrypted.
/// </summary>
public sealed class PhoneNumberRegistration(
    IGrainFactory grains, MetaGraphClient graph, SecretProtector protector, AuditTrail audit, TimeProvider time)
{
    private const int MaxIdLength = 64;
    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_");

    public async Task<Results<Created<PhoneNumberResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        string tenantId, RegisterPhoneNumberRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IsId(request.PhoneNumberId))
        {
            errors["phone_number_id"] = [$"Meta's phone-number id is required: 1 to {MaxIdLength} letters, digits, '-' or '_'."];
        }

        var channel = request.Channel ?? PhoneNumberChannels.Sandbox;
        switch (channel)
        {
            case PhoneNumberChannels.Sandbox:
                if (string.IsNullOrWhiteSpace(request.DisplayPhoneNumber) || request.DisplayPhoneNumber.Length > 32)
                {
                    errors["display_phone_number"] = ["The number as people dial it is required (at most 32 characters)."];
                }

                break;
            case PhoneNumberChannels.CloudApi:
                ValidateCloudApi(request.WabaId, request.AccessToken, request.Pin, errors);
                break;
            default:
                errors["channel"] = [$"The channel must be one of: {PhoneNumberChannels.Sandbox}, {PhoneNumberChannels.CloudApi}."];
                break;
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var phoneNumberId = request.PhoneNumberId!;
        if (await grains.GetGrain<IPhoneNumberOwnerGrain>(phoneNumberId).GetOwnerAsync() is { } owner && owner != tenantId)
        {
            return Taken(phoneNumberId);
        }

        var now = time.GetUtcNow();
        var number = new PhoneNumber(
            PlatformIds.New("pn", now), phoneNumberId, request.DisplayPhoneNumber?.Trim() ?? "", channel, PhoneNumberStatuses.Connected, now);
        if (channel == PhoneNumberChannels.CloudApi)
        {
            var wabaId = request.WabaId!;
            MetaPhoneNumber meta;
            try
            {
                meta = await graph.GetPhoneNumberAsync(request.AccessToken!, phoneNumberId, cancellationToken);
                await graph.RegisterPhoneNumberAsync(request.AccessToken!, phoneNumberId, request.Pin!, cancellationToken);
            }
            catch (MetaGraphException exception)
            {
                return MetaProblems.From(exception, $"phone number {phoneNumberId} with this token");
            }

            if (!await grains.GetGrain<IWabaOwnerGrain>(wabaId).ClaimAsync(tenantId))
            {
                return Problem.Conflict(ErrorCodes.WabaTaken, $"WhatsApp Business Account {wabaId} belongs to another tenant.");
            }

            try
            {
                await graph.SubscribeAppAsync(request.AccessToken!, wabaId, cancellationToken);
            }
            catch (MetaGraphException exception)
            {
                return MetaProblems.From(exception, $"subscribing the platform to account {wabaId}'s webhooks");
            }

            number = number with
            {
                DisplayPhoneNumber = meta.DisplayPhoneNumber,
                WabaId = wabaId,
                VerifiedName = meta.VerifiedName,
                QualityRating = meta.QualityRating,
                ProtectedAccessToken = protector.Protect(request.AccessToken!),
            };
        }

        if (!await grains.GetGrain<IPhoneNumberOwnerGrain>(phoneNumberId).ClaimAsync(tenantId))
        {
            return Taken(phoneNumberId);
        }

        await grains.GetGrain<ITenantGrain>(tenantId).AddPhoneNumberAsync(number);
        await audit.RecordAsync(tenantId, AuditActions.PhoneNumberRegistered, number.Id, $"phone_number_id={phoneNumberId}; channel={channel}");
        return TypedResults.Created($"/v1/phone-numbers/{number.Id}", PhoneNumberResponse.From(number));
    }

    /// <summary>Exchanges an Embedded Signup code for the business's token, then registers the number with it.</summary>
    public async Task<Results<Created<PhoneNumberResponse>, ValidationProblem, ProblemHttpResult>> CompleteSignupAsync(
        string tenantId, EmbeddedSignupRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Code) || request.Code.Length > 2048)
        {
            errors["code"] = ["The code the Embedded Signup returned is required."];
        }

        if (!IsId(request.PhoneNumberId))
        {
            errors["phone_number_id"] = [$"Meta's phone-number id is required: 1 to {MaxIdLength} letters, digits, '-' or '_'."];
        }

        ValidateCloudApi(request.WabaId, "token comes from the code", request.Pin, errors);
        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        string token;
        try
        {
            token = await graph.ExchangeCodeAsync(request.Code!, cancellationToken);
        }
        catch (MetaGraphException exception)
        {
            return MetaProblems.From(exception, "the Embedded Signup code");
        }

        return await RegisterAsync(
            tenantId, new RegisterPhoneNumberRequest(request.PhoneNumberId, null, PhoneNumberChannels.CloudApi, request.WabaId, token, request.Pin), cancellationToken);
    }

    private static void ValidateCloudApi(string? wabaId, string? accessToken, string? pin, Dictionary<string, string[]> errors)
    {
        if (!IsId(wabaId))
        {
            errors["waba_id"] = ["Meta's WhatsApp Business Account id is required for a cloud_api number."];
        }

        if (string.IsNullOrWhiteSpace(accessToken) || accessToken.Length > 4096)
        {
            errors["access_token"] = ["The business's access token is required for a cloud_api number."];
        }

        if (pin is not { Length: 6 } || !pin.All(char.IsAsciiDigit))
        {
            errors["pin"] = ["The number's two-step verification PIN (6 digits) is required for a cloud_api number."];
        }
    }

    private static bool IsId(string? id) => !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && !id.AsSpan().ContainsAnyExcept(IdCharacters);

    private static ProblemHttpResult Taken(string phoneNumberId) =>
        Problem.Conflict(ErrorCodes.PhoneNumberTaken, $"Phone number {phoneNumberId} is registered to another tenant.");
}
