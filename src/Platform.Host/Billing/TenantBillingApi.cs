using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Billing.Ledger;
using Platform.Billing.Plans;
using Platform.Billing.Pricing;
using Platform.Billing.SpendLimits;
using Platform.Billing.StripeSync;
using Platform.Grains.Tenants;
using Platform.Host.Authentication;
using Platform.Host.Problems;
using Platform.Host.RateLimiting;

namespace Platform.Host.Billing;

/// <summary>A tenant's plan (with its rate limit and Stripe subscription), spend limit and Stripe customer.</summary>
public static class TenantBillingApi
{
    public static RouteGroupBuilder MapTenantBillingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/partner/v1/tenants/{id}/billing")
            .WithTags("Partner: billing")
            .RequireAuthorization(AuthenticationSchemes.Operator);

        group.MapGet("/", Get).WithName("GetTenantBilling")
            .WithSummary("A tenant's plan, rate limit, spend limit, Stripe customer and subscription, and this month's spend.");
        group.MapPut("/plan", AssignPlan).WithName("AssignTenantPlan")
            .WithSummary("Puts a tenant on a price plan from its next message on: its keys get the plan's rate limit, its Stripe customer a subscription to the plan's prices.");
        group.MapPut("/spend-limit", SetSpendLimit).WithName("SetTenantSpendLimit")
            .WithSummary("Sets (or, with null, removes) a tenant's monthly spend limit.");
        group.MapPut("/stripe-customer", SetStripeCustomer).WithName("SetTenantStripeCustomer")
            .WithSummary("Bills a tenant to a Stripe customer the operator already has.");
        return group;
    }

    private static async Task<Results<Ok<TenantBillingResponse>, ProblemHttpResult>> Get(
        string id, IGrainFactory grains, IBillingCatalog catalog, IUsageLedger ledger, StripeCatalogSync sync, IOptions<RateLimitOptions> limits,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ITenantGrain>(id).GetProfileAsync() is not { } profile)
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
        return TypedResults.Ok(await ResponseAsync(account, profile, catalog, sync, limits.Value, cancellationToken));
    }

    private static async Task<Results<Ok<TenantBillingResponse>, ValidationProblem, ProblemHttpResult>> AssignPlan(
        string id, AssignPlanRequest request, IGrainFactory grains, IBillingCatalog catalog, StripeCatalogSync sync, IOptions<RateLimitOptions> limits,
        CancellationToken cancellationToken)
    {
        var tenant = grains.GetGrain<ITenantGrain>(id);
        if (await tenant.GetProfileAsync() is null)
        {
            return Problem.NotFound($"No tenant has id '{id}'.");
        }

        if (string.IsNullOrWhiteSpace(request.PlanId) || await catalog.GetPlanAsync(request.PlanId, cancellationToken) is not { } plan)
        {
            return Problem.Invalid("plan_id", "The id of an existing price plan is required.");
        }

        await catalog.UpdateAccountAsync(id, current => current with { PlanId = request.PlanId }, cancellationToken);
        var profile = await tenant.SetPlanRateLimitAsync(PricePlansApi.ToKeyLimit(plan.RateLimit));

        // Prices first (a plan created while Stripe was down has none yet), then the subscription; both are idempotent, so a
        // repeated request finds the subscription made by the first and changes nothing.
        await sync.SyncPlanAsync(plan.Id, cancellationToken);
        var account = await sync.SyncSubscriptionAsync(id, cancellationToken) ?? new BillingAccount(id);
        return TypedResults.Ok(await ResponseAsync(account, profile!, catalog, sync, limits.Value, cancellationToken));
    }

    private static async Task<Results<Ok<TenantBillingResponse>, ValidationProblem, ProblemHttpResult>> SetSpendLimit(
        string id, SpendLimitRequest request, IGrainFactory grains, IBillingCatalog catalog, StripeCatalogSync sync, IOptions<RateLimitOptions> limits,
        CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ITenantGrain>(id).GetProfileAsync() is not { } profile)
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
        return TypedResults.Ok(await ResponseAsync(account, profile, catalog, sync, limits.Value, cancellationToken));
    }

    private static async Task<Results<Ok<TenantBillingResponse>, ValidationProblem, ProblemHttpResult>> SetStripeCustomer(
        string id, StripeCustomerRequest request, IGrainFactory grains, IBillingCatalog catalog, StripeCatalogSync sync, IOptions<RateLimitOptions> limits,
        CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ITenantGrain>(id).GetProfileAsync() is not { } profile)
        {
            return Problem.NotFound($"No tenant has id '{id}'.");
        }

        var customerId = request.StripeCustomerId?.Trim();
        if (customerId is null || !customerId.StartsWith("cus_", StringComparison.Ordinal) || customerId.Length > 255)
        {
            return Problem.Invalid("stripe_customer_id", "A Stripe customer id (cus_…) is required.");
        }

        // A subscription belongs to its customer: another customer starts a subscription of its own.
        await catalog.UpdateAccountAsync(
            id,
            current => current.StripeCustomerId == customerId
                ? current
                : current with { StripeCustomerId = customerId, StripeSubscriptionId = null, SubscribedTo = null },
            cancellationToken);
        var account = await sync.SyncSubscriptionAsync(id, cancellationToken) ?? new BillingAccount(id);
        return TypedResults.Ok(await ResponseAsync(account, profile, catalog, sync, limits.Value, cancellationToken));
    }

    private static async Task<TenantBillingResponse> ResponseAsync(
        BillingAccount account, TenantProfile profile, IBillingCatalog catalog, StripeCatalogSync sync, RateLimitOptions limits, CancellationToken cancellationToken)
    {
        var plan = account.PlanId is { } planId ? await catalog.GetPlanAsync(planId, cancellationToken) : null;
        return TenantBillingResponse.From(account.TenantId, account, plan, sync.Enabled, TenantRateLimitResponse.From(profile, limits));
    }
}
