using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Billing.Ledger;
using Platform.Billing.Plans;
using Platform.Billing.StripeSync;
using Platform.Host.Authentication;
using Platform.Host.Problems;
using Stripe;

namespace Platform.Host.Billing;

/// <summary>A tenant's own usage and invoices.</summary>
public static class PortalBillingApi
{
    private const int InvoiceLimit = 24;

    // Zero-decimal currencies in Stripe: their amounts are already in the major unit.
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf",
    };

    public static RouteGroupBuilder MapPortalBillingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1")
            .WithTags("Billing")
            .RequireAuthorization(AuthenticationSchemes.TenantKey);

        group.MapGet("/usage", Usage).WithName("GetUsage")
            .WithSummary("Usage per day and category for from..to (UTC dates); JSON, or CSV with format=csv or Accept: text/csv.");
        group.MapGet("/invoices", Invoices).WithName("ListInvoices").WithSummary("The tenant's Stripe invoices, newest first.");
        return group;
    }

    private static async Task<Results<Ok<UsageResponse>, ContentHttpResult, ValidationProblem>> Usage(
        HttpRequest request, string? from, string? to, string? format, CurrentTenant tenant, IUsageLedger ledger, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (UsagePeriod.Parse(from, to, time.GetUtcNow(), errors) is not { } period)
        {
            return Problem.Invalid(errors);
        }

        var usage = UsageReport.Build(await ledger.SummariesAsync(tenant.Id, period.Since, period.Until, cancellationToken), period, withTenant: false);
        return UsageReport.WantsCsv(request, format)
            ? TypedResults.Text(UsageReport.Csv(usage, withTenant: false), "text/csv")
            : TypedResults.Ok(usage);
    }

    private static async Task<Results<Ok<InvoiceListResponse>, ProblemHttpResult>> Invoices(
        CurrentTenant tenant, IBillingCatalog catalog, StripeGateway stripe, CancellationToken cancellationToken)
    {
        if (!stripe.Enabled)
        {
            return TypedResults.Ok(new InvoiceListResponse([], "Billing through Stripe is not set up on this platform, so there are no invoices."));
        }

        if ((await catalog.GetAccountAsync(tenant.Id, cancellationToken))?.StripeCustomerId is not { } customerId)
        {
            return TypedResults.Ok(new InvoiceListResponse([], "Your account has no Stripe customer yet, so there are no invoices."));
        }

        try
        {
            var invoices = await stripe.ListInvoicesAsync(customerId, InvoiceLimit, cancellationToken);
            return TypedResults.Ok(new InvoiceListResponse(invoices.Select(i => new InvoiceResponse(
                i.Id,
                i.Number,
                i.Status,
                i.Currency,
                Platform.Billing.Pricing.Money.Format(ZeroDecimal.Contains(i.Currency) ? i.Total : i.Total / 100m),
                i.PeriodStart,
                i.PeriodEnd,
                i.HostedInvoiceUrl)).ToList(), null));
        }
        catch (Exception failed) when (failed is StripeException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(
                detail: "Stripe did not answer; try again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.ServiceUnavailable });
        }
    }
}
