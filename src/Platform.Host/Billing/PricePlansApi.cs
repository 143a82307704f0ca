using System.Buffers;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Billing.Plans;
using Platform.Billing.Pricing;
using Platform.Host.Authentication;
using Platform.Host.Problems;

namespace Platform.Host.Billing;

/// <summary>The operator's price plans: a fee per message category on top of Meta's charge, and a monthly fee.</summary>
public static class PricePlansApi
{
    private const int MaxIdLength = 64;
    private const int MaxNameLength = 200;
    private static readonly SearchValues<char> IdCharacters = SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyz-_");

    public static RouteGroupBuilder MapPricePlansApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/partner/v1/price-plans")
            .WithTags("Partner: billing")
            .RequireAuthorization(AuthenticationSchemes.Operator);

        group.MapPost("/", Create).WithName("CreatePricePlan").WithSummary("Creates a price plan.");
        group.MapGet("/", List).WithName("ListPricePlans").WithSummary("Lists the price plans.");
        group.MapGet("/{id}", Get).WithName("GetPricePlan").WithSummary("A price plan.");
        group.MapPut("/{id}", Update).WithName("UpdatePricePlan")
            .WithSummary("Changes a price plan; messages sent from now on are priced with it.");
        return group;
    }

    private static async Task<Results<Created<PricePlanResponse>, ValidationProblem, ProblemHttpResult>> Create(
        PricePlanRequest request, IBillingCatalog catalog, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var id = request.Id?.Trim() ?? "";
        if (id.Length is 0 or > MaxIdLength || id.AsSpan().ContainsAnyExcept(IdCharacters))
        {
            errors["id"] = [$"An id of 1 to {MaxIdLength} lower-case letters, digits, '-' or '_' is required."];
        }

        if (Validate(request, errors, time.GetUtcNow(), id) is not { } plan || errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        return await catalog.CreatePlanAsync(plan, cancellationToken)
            ? TypedResults.Created($"/partner/v1/price-plans/{plan.Id}", PricePlanResponse.From(plan))
            : Problem.Conflict(ErrorCodes.PricePlanExists, $"A price plan with id '{plan.Id}' exists; change it with PUT.");
    }

    private static async Task<Ok<PricePlanListResponse>> List(IBillingCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(new PricePlanListResponse((await catalog.ListPlansAsync(cancellationToken)).Select(PricePlanResponse.From).ToList()));

    private static async Task<Results<Ok<PricePlanResponse>, ProblemHttpResult>> Get(string id, IBillingCatalog catalog, CancellationToken cancellationToken) =>
        await catalog.GetPlanAsync(id, cancellationToken) is { } plan
            ? TypedResults.Ok(PricePlanResponse.From(plan))
            : Problem.NotFound($"No price plan has id '{id}'.");

    private static async Task<Results<Ok<PricePlanResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string id, PricePlanRequest request, IBillingCatalog catalog, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await catalog.GetPlanAsync(id, cancellationToken) is not { } existing)
        {
            return Problem.NotFound($"No price plan has id '{id}'.");
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Id is { } bodyId && bodyId != id)
        {
            errors["id"] = ["A plan's id cannot change."];
        }

        if (Validate(request, errors, existing.CreatedAt, id) is not { } plan || errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var updated = plan with { UpdatedAt = time.GetUtcNow() };
        await catalog.UpdatePlanAsync(updated, cancellationToken);
        return TypedResults.Ok(PricePlanResponse.From(updated));
    }

    private static PricePlan? Validate(PricePlanRequest request, Dictionary<string, string[]> errors, DateTimeOffset createdAt, string id)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors["name"] = [$"A name of 1 to {MaxNameLength} characters is required."];
        }

        var currency = Money.Currency(request.Currency);
        if (currency is null)
        {
            errors["currency"] = ["A three-letter ISO 4217 currency code is required (the rate card must have rates in it)."];
        }

        var fees = new Dictionary<string, decimal>();
        foreach (var (category, text) in request.Fees ?? [])
        {
            if (!MessageCategories.All.Contains(category))
            {
                errors[$"fees.{category}"] = [$"Unknown category; use {string.Join(", ", MessageCategories.All)}."];
            }
            else if (Money.Parse(text) is { } fee)
            {
                fees[category] = fee;
            }
            else
            {
                errors[$"fees.{category}"] = [$"An amount such as \"0.0050\", at most {Money.Scale} decimal places."];
            }
        }

        var monthlyFee = request.MonthlyFee is null ? 0m : Money.Parse(request.MonthlyFee);
        if (monthlyFee is null)
        {
            errors["monthly_fee"] = [$"An amount such as \"49.00\", at most {Money.Scale} decimal places."];
        }

        return errors.Count > 0 ? null : new PricePlan(id, name!, currency!, fees, monthlyFee!.Value, createdAt, createdAt);
    }
}
