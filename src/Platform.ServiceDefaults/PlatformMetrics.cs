using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.ServiceDefaults;

/// <summary>
/// The platform's own instruments (meter <see cref="PlatformTelemetry.Name"/>). Labels pass through
/// <see cref="MetricTags.Safe"/>: no tenant ids, phone numbers or message content, so series stay few and carry no
/// personal data. Registered as a singleton by <c>AddServiceDefaults</c>.
/// </summary>
public sealed class PlatformMetrics
{
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _read;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _sendLatency;
    private readonly Histogram<double> _webhookIngressLatency;
    private readonly Counter<long> _tenantWebhookAttempts;
    private readonly Counter<long> _tenantWebhookFailures;
    private readonly Histogram<double> _billingPushLag;
    private long _unpushedUsage;

    public PlatformMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(PlatformTelemetry.Name);
        _accepted = meter.CreateCounter<long>("platform.messages.accepted", "{message}", "Outbound messages accepted by the API.");
        _refused = meter.CreateCounter<long>("platform.messages.refused", "{message}", "Outbound messages refused by the rules, by problem code.");
        _sent = meter.CreateCounter<long>("platform.messages.sent", "{message}", "Outbound messages the channel took (Meta answered with a wamid).");
        _delivered = meter.CreateCounter<long>("platform.messages.delivered", "{message}", "Delivered statuses applied to outbound messages.");
        _read = meter.CreateCounter<long>("platform.messages.read", "{message}", "Read statuses applied to outbound messages.");
        _failed = meter.CreateCounter<long>("platform.messages.failed", "{message}", "Outbound messages that ended failed, by error code.");
        _sendLatency = meter.CreateHistogram<double>("platform.messages.send.duration", "s", "From accepted to the channel's answer.");
        _webhookIngressLatency = meter.CreateHistogram<double>("platform.webhooks.ingress.duration", "s", "Meta's webhook request, from arrival to our answer.");
        _tenantWebhookAttempts = meter.CreateCounter<long>("platform.tenant_webhooks.attempts", "{attempt}", "Delivery attempts to tenant webhook endpoints, by outcome.");
        _tenantWebhookFailures = meter.CreateCounter<long>("platform.tenant_webhooks.failures", "{delivery}", "Tenant webhook deliveries given up (dead-lettered), by reason.");
        _billingPushLag = meter.CreateHistogram<double>("platform.billing.push.lag", "s", "From a billable event to its meter event accepted by Stripe.");
        meter.CreateObservableGauge("platform.billing.usage.unpushed", () => Interlocked.Read(ref _unpushedUsage), "{event}", "Usage events recorded in the ledger but not yet pushed to Stripe.");
    }

    /// <summary>The API accepted an outbound message for the given channel (<c>sandbox</c>, <c>cloud_api</c>) and type.</summary>
    public void MessageAccepted(string channel, string type) =>
        _accepted.Add(1, new TagList { { "channel", MetricTags.Safe(channel) }, { "type", MetricTags.Safe(type) } });

    /// <summary>The rules refused a message with this problem code (<c>window_closed</c>, <c>opted_out</c>, ...).</summary>
    public void MessageRefused(string code) => _refused.Add(1, new TagList { { "code", MetricTags.Safe(code) } });

    /// <summary>The channel took the message; <paramref name="sinceAccepted"/> is the time from acceptance to its answer.</summary>
    public void MessageSent(string channel, TimeSpan sinceAccepted)
    {
        var tags = new TagList { { "channel", MetricTags.Safe(channel) } };
        _sent.Add(1, tags);
        tags.Add("outcome", "sent");
        _sendLatency.Record(sinceAccepted.TotalSeconds, tags);
    }

    /// <summary>The channel refused the message (or it could not be queued); it ended <c>failed</c> with this code.</summary>
    public void MessageFailed(string channel, string code, TimeSpan? sinceAccepted = null)
    {
        var tags = new TagList { { "channel", MetricTags.Safe(channel) }, { "code", MetricTags.Safe(code) } };
        _failed.Add(1, tags);
        if (sinceAccepted is { } latency)
        {
            _sendLatency.Record(latency.TotalSeconds, new TagList { { "channel", MetricTags.Safe(channel) }, { "outcome", "failed" } });
        }
    }

    /// <summary>A <c>delivered</c> status was applied for the first time.</summary>
    public void MessageDelivered() => _delivered.Add(1);

    /// <summary>A <c>read</c> status was applied for the first time.</summary>
    public void MessageRead() => _read.Add(1);

    /// <summary>Meta's webhook request was answered with <paramref name="statusCode"/> after <paramref name="elapsed"/>.</summary>
    public void WebhookIngress(TimeSpan elapsed, int statusCode) =>
        _webhookIngressLatency.Record(elapsed.TotalSeconds, new TagList { { "status_code", StatusClass(statusCode) } });

    /// <summary>One delivery attempt to a tenant endpoint ended; <paramref name="statusCode"/> is null when no response came.</summary>
    public void TenantWebhookAttempt(bool succeeded, int? statusCode) =>
        _tenantWebhookAttempts.Add(1, new TagList
        {
            { "outcome", succeeded ? "success" : "failure" },
            { "status_code", statusCode is { } code ? StatusClass(code) : "none" },
        });

    /// <summary>A tenant webhook delivery was given up (<c>retries_exhausted</c>, <c>endpoint_disabled</c>, ...).</summary>
    public void TenantWebhookFailed(string reason) => _tenantWebhookFailures.Add(1, new TagList { { "reason", MetricTags.Safe(reason) } });

    /// <summary>Stripe accepted a meter event <paramref name="lag"/> after the usage happened.</summary>
    public void BillingPushed(TimeSpan lag) => _billingPushLag.Record(lag.TotalSeconds);

    /// <summary>How many usage events wait in the ledger for Stripe; the billing pusher sets it after each pass.</summary>
    public void SetUnpushedUsage(long count) => Interlocked.Exchange(ref _unpushedUsage, count);

    private static string StatusClass(int statusCode) => statusCode is >= 100 and < 600 ? $"{statusCode / 100}xx" : MetricTags.Other;
}
