using Microsoft.Extensions.Options;
using Platform.Billing.Hosting;
using Platform.Billing.Metering;
using Platform.Billing.Plans;
using Platform.Billing.StripeSync;

namespace Platform.Billing.Ledger;

/// <summary>
/// Applies the operator's decision about a push the meter stopped on (uncertain: Stripe may or may not hold it; refused).
/// The push keeps its rows, so each row stays counted by this one push whatever is decided: confirmed pushed, sent again
/// (under a new identifier: Stripe forgot or refused the first), or written off. The change is conditional on the push as
/// read, so it cannot race the meter or a second operator; the bucket is then marked for the meter, which rewrites its
/// summaries (and sends a retried push).
/// </summary>
public sealed class PushResolver(
    IUsageLedger ledger, IBillingCatalog catalog, StripeGateway stripe, IOptions<BillingOptions> options, TimeProvider time, IServiceProvider services)
{
    public async Task<PushResolution> ResolveAsync(string id, string outcome, string reason, CancellationToken cancellationToken)
    {
        if (MeterPush.ParseId(id) is not { } key)
        {
            return new PushResolution(PushResolution.Result.NotFound, null);
        }

        var partition = await ledger.ReadAsync(key.TenantId, key.Bucket, cancellationToken);
        if (partition.Pushes.FirstOrDefault(p => p.Category == key.Category && p.Seq == key.Seq) is not { } push)
        {
            return new PushResolution(PushResolution.Result.NotFound, null);
        }

        var open = push.State is PushStates.Uncertain or PushStates.Refused;
        if (!open && push.Resolution == outcome)
        {
            return new PushResolution(PushResolution.Result.AlreadyResolved, push);
        }

        if (!open)
        {
            return Conflict(push, $"The push is {push.State}; only uncertain or refused pushes are resolved.");
        }

        var now = time.GetUtcNow();
        var resolved = push with { Resolution = outcome, ResolutionReason = reason, ResolvedAt = now };
        switch (outcome)
        {
            case PushResolutions.Pushed when push.State == PushStates.Refused:
                return Conflict(push, "Stripe refused this push, so it does not hold it: resolve it with retry or write_off.");
            case PushResolutions.Pushed:
                resolved = resolved with { State = PushStates.Pushed, PushedAt = now };
                break;
            case PushResolutions.Retry:
                if (!stripe.Enabled)
                {
                    return Conflict(push, "Stripe is off (Stripe__ApiKey): nothing can be pushed; write it off instead.");
                }

                if (now - push.Timestamp > UsageMeter.StripeWindow)
                {
                    return Conflict(push, "The usage is older than Stripe's 35-day window: write it off and invoice it by hand.");
                }

                if ((await catalog.GetAccountAsync(push.TenantId, cancellationToken))?.StripeCustomerId is not { } customerId)
                {
                    return Conflict(push, "The tenant has no Stripe customer: set one with PUT /partner/v1/tenants/{id}/billing/stripe-customer first.");
                }

                // A new identifier and a fresh 23-hour clock: the old identifier is one Stripe forgot or refused.
                resolved = resolved with
                {
                    State = PushStates.Pending,
                    Identifier = NextIdentifier(push),
                    CustomerId = customerId,
                    EventName = options.Value.EventNameFor(push.Category),
                    CreatedAt = now,
                };
                break;
            default:
                resolved = resolved with { State = PushStates.WrittenOff };
                break;
        }

        if (!await ledger.ReplacePushAsync(resolved, cancellationToken))
        {
            return Conflict(push, "The push changed while it was being resolved; read it again.");
        }

        await ledger.MarkDirtyAsync(push.TenantId, push.Bucket, cancellationToken);
        (services.GetService(typeof(MeterSignal)) as MeterSignal)?.Wake();
        return new PushResolution(PushResolution.Result.Resolved, resolved);
    }

    /// <summary>The operator's work list: uncertain and refused pushes of the tenant-buckets whose summaries count them.</summary>
    public async Task<IReadOnlyList<MeterPush>> UnresolvedAsync(string? tenantId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var unresolved = new List<MeterPush>();
        var summaries = await ledger.SummariesAsync(tenantId, since, until, cancellationToken);
        // The reason covers summaries written before they counted unresolved pushes.
        var flagged = summaries.Where(s => s.Unresolved > 0 || s.NotPushedReason is NotPushedReasons.Uncertain or NotPushedReasons.Refused);
        foreach (var (tenant, bucket) in flagged.Select(s => (s.TenantId, s.Bucket)).Distinct())
        {
            var partition = await ledger.ReadAsync(tenant, bucket, cancellationToken);
            unresolved.AddRange(partition.Pushes.Where(p => p.State is PushStates.Uncertain or PushStates.Refused));
        }

        return unresolved;
    }

    private static string NextIdentifier(MeterPush push)
    {
        var suffix = push.Identifier.Length > push.Id.Length + 2 && push.Identifier.StartsWith(push.Id + "-r", StringComparison.Ordinal)
            && int.TryParse(push.Identifier.AsSpan(push.Id.Length + 2), System.Globalization.CultureInfo.InvariantCulture, out var retries)
            ? retries
            : 0;
        return FormattableString.Invariant($"{push.Id}-r{suffix + 1}");
    }

    private static PushResolution Conflict(MeterPush push, string problem) => new(PushResolution.Result.Conflict, push, problem);
}
