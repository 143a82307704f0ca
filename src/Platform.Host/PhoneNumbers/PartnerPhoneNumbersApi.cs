using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Grains.Tenants;
using Platform.Host.Authentication;
using Platform.Host.Partner;
using Platform.Host.Problems;

namespace Platform.Host.PhoneNumbers;

/// <summary>The operator onboards a number for a tenant, as a solution provider does with Meta's Graph API.</summary>
public static class PartnerPhoneNumbersApi
{
    public static RouteGroupBuilder MapPartnerPhoneNumbersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/partner/v1/tenants/{id}/phone-numbers")
            .WithTags("Partner: tenants")
            .RequireAuthorization(AuthenticationSchemes.Operator);

        group.MapPost("/", RegisterPhoneNumber).WithName("RegisterTenantPhoneNumber")
            .WithSummary("Registers a phone number for a tenant (sandbox, or cloud_api checked and registered at Meta).");
        group.MapPost("/embedded-signup", CompleteEmbeddedSignup).WithName("CompleteTenantEmbeddedSignup")
            .WithSummary("Exchanges a tenant's Embedded Signup code for its business token and registers the number with it.");
        group.MapGet("/", ListPhoneNumbers).WithName("ListTenantPhoneNumbers").WithSummary("A tenant's phone numbers.");
        return group;
    }

    private static async Task<Results<Created<PhoneNumberResponse>, ValidationProblem, ProblemHttpResult>> RegisterPhoneNumber(
        string id, RegisterPhoneNumberRequest request, IGrainFactory grains, PhoneNumberRegistration registration, CancellationToken cancellationToken) =>
        await ActiveTenantAsync(grains, id) ?? await registration.RegisterAsync(id, request, cancellationToken);

    private static async Task<Results<Created<PhoneNumberResponse>, ValidationProblem, ProblemHttpResult>> CompleteEmbeddedSignup(
        string id, EmbeddedSignupRequest request, IGrainFactory grains, PhoneNumberRegistration registration, CancellationToken cancellationToken) =>
        await ActiveTenantAsync(grains, id) ?? await registration.CompleteSignupAsync(id, request, cancellationToken);

    private static async Task<Results<Ok<ListResponse<PhoneNumberResponse>>, ProblemHttpResult>> ListPhoneNumbers(string id, IGrainFactory grains)
    {
        var tenant = grains.GetGrain<ITenantGrain>(id);
        if (await tenant.GetProfileAsync() is null)
        {
            return PartnerTenantsApi.NoTenant(id);
        }

        var numbers = await tenant.GetPhoneNumbersAsync();
        return TypedResults.Ok(new ListResponse<PhoneNumberResponse>([.. numbers.Select(PhoneNumberResponse.From)], null));
    }

    private static async Task<Results<Created<PhoneNumberResponse>, ValidationProblem, ProblemHttpResult>?> ActiveTenantAsync(IGrainFactory grains, string id) =>
        await grains.GetGrain<ITenantGrain>(id).GetProfileAsync() switch
        {
            null => (Results<Created<PhoneNumberResponse>, ValidationProblem, ProblemHttpResult>)PartnerTenantsApi.NoTenant(id),
            { Status: TenantStatuses.Closed } => (Results<Created<PhoneNumberResponse>, ValidationProblem, ProblemHttpResult>)Problem.Conflict(ErrorCodes.TenantClosed, $"Tenant {id} is closed."),
            _ => null,
        };
}
