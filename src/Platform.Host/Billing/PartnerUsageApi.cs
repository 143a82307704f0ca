using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Billing.Ledger;
using Platform.Billing.Pricing;
using Platform.Billing.StripeSync;
using Platform.Host.Audit;
using Platform.Host.Authentication;
using Platform.Host.Problems;

namespace Platform.Host.Billing;

/// <summary>Usage across tenants, the reconciliation of the ledger with what Stripe acknowledged, and resolving the pushes it lists.</summary>
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
            .WithSummary("Ledger totals against what Stripe acknowledged, per tenant and category, with the difference explained and the pushes to resolve.");
        group.MapPost("/usage/pushes/{id}/resolve", Resolve).WithName("ResolveUsagePush")
            .WithSummary("Resolves an uncertain or refused push: pushed (Stripe holds it), retry (send it again) or write_off.");
        return group;
    }

    private static async Task<Results<Ok<UsageResponse>, ContentHttpResult, ValidationProblem>> Usage(
        HttpRequest request, string? from, string? to, [FromQuery(Name = "tenant_id")] string? tenantId, string? format, IUsageLedger ledger, TimeProvider time, CancellationToken cancellationToken)
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
        string? from, string? to, [FromQuery(Name = "tenant_id")] string? tenantId, IUsageLedger ledger, PushResolver resolver, StripeGateway stripe, TimeProvider time, CancellationToken cancellationToken)
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
                    .Select(r => (Reason: r.Key, Units: r.Sum(s => s.PendingUnits)))
                    .Append((Reason: NotPushedReasons.WrittenOff, Units: g.Sum(s => s.WrittenOffUnits)))
                    .Where(r => r.Units > 0)
                    .ToDictionary(r => r.Reason, r => Money.Format(Money.FromUnits(r.Units))),
                g.Sum(s => s.RateMissing),
                Money.Format(Money.FromUnits(g.Sum(s => s.ConfirmedUnits)))))
            .ToList();
        var unresolved = await resolver.UnresolvedAsync(tenantId, period.Since, period.Until, cancellationToken);
        return TypedResults.Ok(new ReconciliationResponse(
            period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            stripe.Enabled,
            lines,
            unresolved.Select(UsagePushResponse.From).ToList()));
    }

    private static async Task<Results<Ok<UsagePushResponse>, ValidationProblem, ProblemHttpResult>> Resolve(
        string id, ResolvePushRequest request, PushResolver resolver, AuditTrail audit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Outcome is not { } outcome || !PushResolutions.All.Contains(outcome))
        {
            errors["outcome"] = [$"One of {string.Join(", ", PushResolutions.All)}."];
        }

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            errors["reason"] = [$"Why, in 1 to {MaxReasonLength} characters (kept in the ledger and the tenant's audit log)."];
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var result = await resolver.ResolveAsync(id, request.Outcome!, reason!, cancellationToken);
        switch (result.Outcome)
        {
            case PushResolution.Result.NotFound:
                return Problem.NotFound($"No push has id '{id}'.");
            case PushResolution.Result.Conflict:
                return Problem.Conflict(ErrorCodes.PushNotResolvable, result.Problem!);
            case PushResolution.Result.Resolved:
                var push = result.Push!;
                await audit.RecordAsync(
                    push.TenantId,
                    PushResolvedAction,
                    push.Id,
                    FormattableString.Invariant($"{request.Outcome}: {Money.Format(Money.FromUnits(push.Units))} {push.Currency} ({push.Category}); {reason}"));
                return TypedResults.Ok(UsagePushResponse.From(push));
            default:
                return TypedResults.Ok(UsagePushResponse.From(result.Push!));
        }
    }

    private const int MaxReasonLength = 500;

    /// <summary>The audit action of a resolved push, in the tenant's log: money the tenant is (or is not) billed is changed by hand.</summary>
    public const string PushResolvedAction = "usage_push.resolved";
}
