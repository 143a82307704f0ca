using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Billing.Ledger;
using Platform.Billing.Pricing;
using Platform.Billing.StripeSync;
using Platform.Host.Authentication;
using Platform.Host.Problems;

namespace Platform.Host.Billing;

/// <summary>Usage across tenants, and the reconciliation of the ledger with what Stripe acknowledged.</summary>
public static class PartnerUsageApi
{
    public static RouteGroupBuilder MapPartnerUsageApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/partner/v1")
            .WithTags("Partner: billing")
            .RequireAuthorization(AuthenticationSchemes.Operator);

        group.MapGet("/usage", Usage).WithName("GetPartnerUsage")
            .WithSummary("Usage per tenant, day and category (JSON, or CSV with format=csv or Accept: text/csv).");
        group.MapGet("/reconciliation", Reconciliation).WithName("GetReconciliation")
            .WithSummary("Ledger totals against what Stripe acknowledged, per tenant and category, with the difference explained.");
        return group;
    }

    private static async Task<Results<Ok<UsageResponse>, ContentHttpResult, ValidationProblem>> Usage(
        HttpRequest request, string? from, string? to, string? tenantId, string? format, IUsageLedger ledger, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (UsagePeriod.Parse(from, to, time.GetUtcNow(), errors) is not { } period)
        {
            return Problem.Invalid(errors);
        }

        var usage = UsageReport.Build(await ledger.SummariesAsync(tenantId, period.Since, period.Until, cancellationToken), period, withTenant: true);
        return UsageReport.WantsCsv(request, format)
            ? TypedResults.Text(UsageReport.Csv(usage, withTenant: true), "text/csv")
            : TypedResults.Ok(usage);
    }

    private static async Task<Results<Ok<ReconciliationResponse>, ValidationProblem>> Reconciliation(
        string? from, string? to, string? tenantId, IUsageLedger ledger, StripeGateway stripe, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (UsagePeriod.Parse(from, to, time.GetUtcNow(), errors) is not { } period)
        {
            return Problem.Invalid(errors);
        }

        var summaries = await ledger.SummariesAsync(tenantId, period.Since, period.Until, cancellationToken);
        var lines = summaries
            .GroupBy(s => (s.TenantId, s.Category, s.Currency))
            .OrderBy(g => g.Key.TenantId, StringComparer.Ordinal).ThenBy(g => g.Key.Category, StringComparer.Ordinal)
            .Select(g => new ReconciliationLine(
                g.Key.TenantId,
                g.Key.Category,
                g.Key.Currency,
                g.Sum(s => s.Messages),
                Money.Format(Money.FromUnits(g.Sum(s => s.Units))),
                Money.Format(Money.FromUnits(g.Sum(s => s.PushedUnits))),
                Money.Format(Money.FromUnits(g.Sum(s => s.Units - s.PushedUnits))),
                g.Where(s => s.PendingUnits > 0)
                    .GroupBy(s => s.NotPushedReason ?? NotPushedReasons.Pending)
                    .ToDictionary(r => r.Key, r => Money.Format(Money.FromUnits(r.Sum(s => s.PendingUnits)))),
                g.Sum(s => s.RateMissing)))
            .ToList();
        return TypedResults.Ok(new ReconciliationResponse(
            period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), stripe.Enabled, lines));
    }
}
