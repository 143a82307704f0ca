using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Grains.Tenants;
using Platform.Host.Authentication;
using Platform.Host.Partner;
using Platform.Host.Problems;

namespace Platform.Host.PhoneNumbers;

/// <summary>A tenant's WhatsApp business phone numbers. Meta's phone-number id is unique across the platform: inbound traffic is routed by it.</summary>
public static class PhoneNumbersApi
{
    public static RouteGroupBuilder MapPhoneNumbersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/phone-numbers")
            .WithTags("Phone numbers")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(null, ApiScopes.NumbersWrite);

        group.MapPost("/", RegisterPhoneNumber).WithName("RegisterPhoneNumber")
            .WithSummary("Registers a WhatsApp business phone number (sandbox, or cloud_api checked and registered at Meta with its token and PIN).");
        group.MapPost("/embedded-signup", CompleteEmbeddedSignup).WithName("CompleteEmbeddedSignup")
            .WithSummary("Exchanges an Embedded Signup code for the business's token and registers the number with it.");
        group.MapGet("/", ListPhoneNumbers).WithName("ListPhoneNumbers").WithSummary("The tenant's phone numbers, a page at a time.");
        group.MapGet("/{id}", GetPhoneNumber).WithName("GetPhoneNumber").WithSummary("One phone number with its channel, status and quality rating.");
        return group;
    }

    private static Task<Results<Created<PhoneNumberResponse>, ValidationProblem, ProblemHttpResult>> RegisterPhoneNumber(
        RegisterPhoneNumberRequest request, CurrentTenant tenant, PhoneNumberRegistration registration, CancellationToken cancellationToken) =>
        registration.RegisterAsync(tenant.Id, request, cancellationToken);

    private static Task<Results<Created<PhoneNumberResponse>, ValidationProblem, ProblemHttpResult>> CompleteEmbeddedSignup(
        EmbeddedSignupRequest request, CurrentTenant tenant, PhoneNumberRegistration registration, CancellationToken cancellationToken) =>
        registration.CompleteSignupAsync(tenant.Id, request, cancellationToken);

    private static async Task<Results<Ok<ListResponse<PhoneNumberResponse>>, ValidationProblem>> ListPhoneNumbers(
        CurrentTenant tenant, IGrainFactory grains, int? limit, string? cursor)
    {
        if (Paging.Limit(limit) is (_, { } errors))
        {
            return Problem.Invalid(errors);
        }

        var numbers = await grains.GetGrain<ITenantGrain>(tenant.Id).GetPhoneNumbersAsync();
        return TypedResults.Ok(Paging.Page(numbers, number => number.Id, cursor, Paging.Limit(limit).Limit, PhoneNumberResponse.From));
    }

    private static async Task<Results<Ok<PhoneNumberResponse>, ProblemHttpResult>> GetPhoneNumber(string id, CurrentTenant tenant, IGrainFactory grains) =>
        (await grains.GetGrain<ITenantGrain>(tenant.Id).GetPhoneNumbersAsync()).FirstOrDefault(number => number.Id == id) is { } found
            ? TypedResults.Ok(PhoneNumberResponse.From(found))
            : Problem.NotFound($"No phone number of this tenant has id '{id}'.");
}
