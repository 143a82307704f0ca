using System.Buffers;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Billing.Plans;
using Platform.Billing.Pricing;
using Platform.Billing.StripeSync;
using Platform.Grains.Tenants;
using Platform.Host.Authentication;
using Platform.Host.Problems;

namespace Platform.Host.Billing;

/// <summary>
/// The operator's price plans: a fee per message category on top of Meta's charge, a monthly fee, a per-key rate limit,
/// and the Stripe prices they bill with (made by the platform when Stripe is on, or the operator's own).
/// </summary>
public static class PricePlansApi
{
    private const int MaxIdLength = 64;
    private const int MaxNameLength = 200;
    private const int MaxRate = 1_000_000;
    private static readonly SearchValues<char> IdCharacters = SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyz-_");

    public static RouteGroupBuilder MapPricePlansApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/partner/v1/price-plans")
            .WithTags("Partner: billing")
            .RequireAuthorization(AuthenticationSchemes.Operator);

        group.MapPost("/", Create).WithName("CreatePricePlan")
            .WithSummary("Creates a price plan and, when Stripe is on, its Stripe product and prices.");
        group.MapGet("/", List).WithName("ListPricePlans").WithSummary("Lists the price plans.");
        group.MapGet("/{id}", Get).WithName("GetPricePlan").WithSummary("A price plan.");
        group.MapPut("/{id}", Update).WithName("UpdatePricePlan")
            .WithSummary("Changes a price plan: messages sent from now on are priced with it; new Stripe prices and subscription moves when its monthly fee or currency changes.");
        return group;
    }

    private static async Task<Results<Created<PricePlanResponse>, ValidationProblem, ProblemHttpResult>> Create(
        PricePlanRequest request, IBillingCatalog catalog, StripeCatalogSync sync, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var id = request.Id?.Trim() ?? "";
        if (id.Length is 0 or > MaxIdLength || id.AsSpan().ContainsAnyExcept(IdCharacters))
        {
            errors["id"] = [$"An id of 1 to {MaxIdLength} lower-case letters, digits, '-' or '_' is required."];
        }

        if (Validate(request, errors) is not { } draft || errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var plan = new PricePlan(id, draft.Name, draft.Currency, draft.Fees, draft.MonthlyFee, now, now)
        {
            RateLimit = draft.RateLimit,
            Stripe = draft.OperatorPrices is { } prices ? prices with { Version = 1 } : null,
        };
        if (!await catalog.CreatePlanAsync(plan, cancellationToken))
        {
            return Problem.Conflict(ErrorCodes.PricePlanExists, $"A price plan with id '{plan.Id}' exists; change it with PUT.");
        }

        plan = await sync.SyncPlanAsync(plan.Id, cancellationToken) ?? plan;
        return TypedResults.Created($"/partner/v1/price-plans/{plan.Id}", PricePlanResponse.From(plan, sync.Enabled));
    }

    private static async Task<Ok<PricePlanListResponse>> List(IBillingCatalog catalog, StripeCatalogSync sync, CancellationToken cancellationToken) =>
        TypedResults.Ok(new PricePlanListResponse((await catalog.ListPlansAsync(cancellationToken)).Select(plan => PricePlanResponse.From(plan, sync.Enabled)).ToList()));

    private static async Task<Results<Ok<PricePlanResponse>, ProblemHttpResult>> Get(
        string id, IBillingCatalog catalog, StripeCatalogSync sync, CancellationToken cancellationToken) =>
        await catalog.GetPlanAsync(id, cancellationToken) is { } plan
            ? TypedResults.Ok(PricePlanResponse.From(plan, sync.Enabled))
            : Problem.NotFound($"No price plan has id '{id}'.");

    private static async Task<Results<Ok<PricePlanResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string id, PricePlanRequest request, IBillingCatalog catalog, StripeCatalogSync sync, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
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

        if (Validate(request, errors) is not { } draft || errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var updated = await catalog.ChangePlanAsync(id, current => Apply(current, draft, now), cancellationToken) ?? existing;
        updated = await sync.SyncPlanAsync(id, cancellationToken) ?? updated;

        // The plan's tenants follow it: their keys' limit now, their subscriptions once the new prices exist (the billing
        // service moves any this request could not).
        var limitChanged = updated.RateLimit != existing.RateLimit;
        var pricesChanged = updated.PriceVersion != existing.PriceVersion;
        if (limitChanged || pricesChanged)
        {
            foreach (var account in (await catalog.ListAccountsAsync(cancellationToken)).Where(a => a.PlanId == id))
            {
                if (limitChanged)
                {
                    await grains.GetGrain<ITenantGrain>(account.TenantId).SetPlanRateLimitAsync(ToKeyLimit(updated.RateLimit));
                }

                if (pricesChanged)
                {
                    await sync.SyncSubscriptionAsync(account.TenantId, cancellationToken);
                }
            }
        }

        return TypedResults.Ok(PricePlanResponse.From(updated, sync.Enabled));
    }

    /// <summary>The grain's form of a plan's limit.</summary>
    public static KeyRateLimit? ToKeyLimit(PlanRateLimit? limit) => limit is null ? null : new KeyRateLimit(limit.PermitsPerSecond, limit.Burst);

    /// <summary>
    /// The stored plan changed as the request says. Stripe prices are immutable, so a change of what they encode (the
    /// currency, the monthly fee, the operator's price ids) raises the price version; per-message fees are not in any Stripe
    /// price (the meter pushes amounts that include them), so changing them keeps the prices.
    /// </summary>
    private static PricePlan Apply(PricePlan current, PlanDraft draft, DateTimeOffset now)
    {
        var pricesChange = draft.OperatorPrices is { } given
            ? current.Stripe is not { Source: PlanStripePrices.Operator } held
              || !held.MeteredPriceIds.OrderBy(p => p.Key).SequenceEqual(given.MeteredPriceIds.OrderBy(p => p.Key))
              || held.MonthlyPriceId != given.MonthlyPriceId
            : current.Stripe?.Source == PlanStripePrices.Operator || current.Currency != draft.Currency || current.MonthlyFee != draft.MonthlyFee;
        var version = pricesChange ? current.PriceVersion + 1 : current.PriceVersion;
        return current with
        {
            Name = draft.Name,
            Currency = draft.Currency,
            Fees = draft.Fees,
            MonthlyFee = draft.MonthlyFee,
            RateLimit = draft.RateLimit,
            UpdatedAt = now,
            PriceVersion = version,
            Stripe = draft.OperatorPrices is { } prices ? prices with { Version = version } : current.Stripe,
            StripeError = pricesChange ? null : current.StripeError,
        };
    }

    private static PlanDraft? Validate(PricePlanRequest request, Dictionary<string, string[]> errors)
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

        PlanRateLimit? rateLimit = null;
        if (request.RateLimit is { } rate)
        {
            if (rate.PermitsPerSecond is not (>= 1 and <= MaxRate) || rate.Burst is not (>= 1 and <= MaxRate))
            {
                errors["rate_limit"] = [$"permits_per_second and burst are both required, 1 to {MaxRate}."];
            }
            else
            {
                rateLimit = new PlanRateLimit(rate.PermitsPerSecond.Value, rate.Burst.Value);
            }
        }

        var operatorPrices = OperatorPrices(request.Stripe, monthlyFee ?? 0m, errors);
        return errors.Count > 0 ? null : new PlanDraft(name!, currency!, fees, monthlyFee!.Value, operatorPrices, rateLimit);
    }

    private static PlanStripePrices? OperatorPrices(PlanStripePricesRequest? request, decimal monthlyFee, Dictionary<string, string[]> errors)
    {
        if (request is null)
        {
            return null;
        }

        var metered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var category in MessageCategories.All)
        {
            if (request.MeteredPriceIds?.GetValueOrDefault(category)?.Trim() is { } price && IsPriceId(price))
            {
                metered[category] = price;
            }
            else
            {
                errors[$"stripe.metered_price_ids.{category}"] = ["A Stripe price id (price_…) on this category's meter is required for each category."];
            }
        }

        foreach (var unknown in request.MeteredPriceIds?.Keys.Where(k => !MessageCategories.All.Contains(k)) ?? [])
        {
            errors[$"stripe.metered_price_ids.{unknown}"] = [$"Unknown category; use {string.Join(", ", MessageCategories.All)}."];
        }

        var monthly = request.MonthlyPriceId?.Trim();
        if (monthly is not null && !IsPriceId(monthly))
        {
            errors["stripe.monthly_price_id"] = ["A Stripe price id (price_…)."];
        }
        else if (monthly is null && monthlyFee > 0)
        {
            errors["stripe.monthly_price_id"] = ["The plan has a monthly fee: name the Stripe price that bills it."];
        }

        return new PlanStripePrices(PlanStripePrices.Operator, 0, null, metered, monthly);
    }

    private static bool IsPriceId(string id) => id.StartsWith("price_", StringComparison.Ordinal) && id.Length <= 255;

    private sealed record PlanDraft(
        string Name, string Currency, Dictionary<string, decimal> Fees, decimal MonthlyFee, PlanStripePrices? OperatorPrices, PlanRateLimit? RateLimit);
}
