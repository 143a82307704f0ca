using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Billing.Ledger;
using Platform.Billing.Plans;
using Platform.Billing.Pricing;
using Platform.Billing.SpendLimits;
using Platform.Grains.Tenants;
using Platform.Host.Authentication;
using Platform.Host.Problems;

namespace Platform.Host.Billing;

/// <summary>A tenant's plan, spend limit and Stripe customer.</summary>
public static class TenantBillingApi
{
    public static RouteGroupBuilder MapTenantBillingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/partner/v1/tenants/{id}/billing")
            .WithTags("Partner: billing")
            .RequireAuthorization(AuthenticationSchemes.Operator);

        group.MapGet("/", Get).WithName("GetTenantBilling").WithSummary("A tenant's plan, spend limit, Stripe customer and this month's spend.");
        group.MapPut("/plan", AssignPlan).WithName("AssignTenantPlan").WithSummary("Puts a tenant on a price plan from its next message on.");
        group.MapPut("/spend-limit", SetSpendLimit).WithName("SetTenantSpendLimit")
            .WithSummary("Sets (or, with null, removes) a tenant's monthly spend limit.");
        group.MapPut("/stripe-customer", SetStripeCustomer).WithName("SetTenantStripeCustomer")
            .WithSummary("Bills a tenant to a Stripe customer the operator already has.");
        return group;
    }

    private static async Task<Results<Ok<TenantBillingResponse>, ProblemHttpResult>> Get(
        string id, IGrainFactory grains, IBillingCatalog catalog, IUsageLedger ledger, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ITenantGrain>(id).GetProfileAsync() is null)
        {
            return Problem.NotFound($"No tenant has id '{id}'.");
        }

        // Read now rather than from the account: the meter keeps the account's total only for tenants with a limit.
        var now = time.GetUtcNow();
        var account = (await catalog.GetAccountAsync(id, cancellationToken) ?? new BillingAccount(id)) with
        {
            SpendMonth = LedgerBuckets.Month(now),
            MonthSpend = await SpendTracker.MonthSpendAsync(ledger, id, now, cancellationToken),
        };
        return TypedResults.Ok(TenantBillingResponse.From(id, account));
    }

    private static async Task<Results<Ok<TenantBillingResponse>, ValidationProblem, ProblemHttpResult>> AssignPlan(
        string id, AssignPlanRequest request, IGrainFactory grains, IBillingCatalog catalog, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ITenantGrain>(id).GetProfileAsync() is null)
        {
            return Problem.NotFound($"No tenant has id '{id}'.");
        }

        if (string.IsNullOrWhiteSpace(request.PlanId) || await catalog.GetPlanAsync(request.PlanId, cancellationToken) is null)
        {
            return Problem.Invalid("plan_id", "The id of an existing price plan is required.");
        }

        var account = await catalog.UpdateAccountAsync(id, current => current with { PlanId = request.PlanId }, cancellationToken);
        return TypedResults.Ok(TenantBillingResponse.From(id, account));
    }

    private static async Task<Results<Ok<TenantBillingResponse>, ValidationProblem, ProblemHttpResult>> SetSpendLimit(
        string id, SpendLimitRequest request, IGrainFactory grains, IBillingCatalog catalog, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ITenantGrain>(id).GetProfileAsync() is null)
        {
            return Problem.NotFound($"No tenant has id '{id}'.");
        }

        decimal? limit = null;
        if (request.MonthlyLimit is not null)
        {
            limit = Money.Parse(request.MonthlyLimit);
            if (limit is null or <= 0)
            {
                return Problem.Invalid("monthly_limit", $"A positive amount such as \"500.00\" (at most {Money.Scale} decimal places), or null for no limit.");
            }
        }

        var account = await catalog.UpdateAccountAsync(id, current => current with { MonthlySpendLimit = limit }, cancellationToken);
        return TypedResults.Ok(TenantBillingResponse.From(id, account));
    }

    private static async Task<Results<Ok<TenantBillingResponse>, ValidationProblem, ProblemHttpResult>> SetStripeCustomer(
        string id, StripeCustomerRequest request, IGrainFactory grains, IBillingCatalog catalog, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ITenantGrain>(id).GetProfileAsync() is null)
        {
            return Problem.NotFound($"No tenant has id '{id}'.");
        }

        var customerId = request.StripeCustomerId?.Trim();
        if (customerId is null || !customerId.StartsWith("cus_", StringComparison.Ordinal) || customerId.Length > 255)
        {
            return Problem.Invalid("stripe_customer_id", "A Stripe customer id (cus_…) is required.");
        }

        var account = await catalog.UpdateAccountAsync(id, current => current with { StripeCustomerId = customerId }, cancellationToken);
        return TypedResults.Ok(TenantBillingResponse.From(id, account));
    }
}
