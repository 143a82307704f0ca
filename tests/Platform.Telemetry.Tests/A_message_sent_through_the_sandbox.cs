using System.Diagnostics;
using System.Net;
using Platform.Testing;

namespace Platform.Telemetry.Tests;

/// <summary>
/// One trace follows a message from the tenant's request through the grain, the outbound queue and the channel send,
/// and on through the statuses the channel reports to the tenant's webhook.
/// </summary>
[Collection(TracedPlatformGroup.Name)]
public sealed class A_message_sent_through_the_sandbox(TracedPlatform platform)
{
    private const string Customer = "4915123456789";

    [Fact]
    public async Task Should_carry_one_trace_from_the_request_through_the_grain_and_the_queue_to_the_channel_send()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        await tenant.AddWebhookAsync(platform.Webhooks.Url);
        await tenant.Client.PostAsync("/v1/sandbox/inbound", new { phone_number_id = number, from = Customer, text = "hi" }, HttpStatusCode.Accepted);
        await platform.Webhooks.WaitForAsync(webhook => webhook.Type == "message.received" && webhook.Event.GetProperty("tenant_id").GetString() == tenant.Id);

        var accepted = await tenant.Client.PostAsync(
            "/v1/messages", new { from = number, to = Customer, type = "text", text = new { body = "Your order ships today." } }, HttpStatusCode.Accepted);
        await tenant.WaitForStatusAsync(accepted.GetProperty("id").GetString()!, "read");

        var request = await Eventually.GetAsync(() => platform.Spans.Snapshot().SingleOrDefault(span =>
            span.Kind == ActivityKind.Server && Tag(span, "url.path") == "/v1/messages"
            && Tag(span, "http.request.method") == "POST" && span.Duration > TimeSpan.Zero
            && platform.Spans.Snapshot().Any(other => other.TraceId == span.TraceId && Tag(other, "orleans.rpc.target_id")?.StartsWith($"conversation/{tenant.Id}|", StringComparison.Ordinal) == true)));
        var trace = await Eventually.GetAsync(() =>
        {
            var spans = platform.Spans.Snapshot().Where(span => span.TraceId == request.TraceId).ToList();
            return spans.Any(span => span.DisplayName == "deliver-tenant-event process") ? spans : null;
        });

        Assert.Equal(default, request.ParentSpanId);
        var decide = Single(trace, ActivityKind.Server, "rpc.method", "Platform.Grains.Conversations.IConversationGrain/SendAsync");
        var enqueue = Single(trace, ActivityKind.Producer, "messaging.destination.name", "urn:message:Platform.Contracts.Outbound:SendWhatsAppMessage");
        var consume = Single(trace, ActivityKind.Consumer, "messaging.masstransit.consumer_type", "Platform.Host.Outbound.SendWhatsAppMessageConsumer");
        var channelSend = Single(trace, ActivityKind.Producer, "messaging.destination.name", "urn:message:Platform.Contracts.Inbound:WhatsAppUpdatesReceived");
        AssertChain(trace, request, decide, enqueue, consume, channelSend);
        Assert.Contains(trace, span => span.Kind == ActivityKind.Server
            && Tag(span, "orleans.rpc.service") == "Platform.Grains.Conversations.IConversationGrain" && Descends(trace, span, consume));

        var statuses = Single(trace, ActivityKind.Consumer, "messaging.masstransit.consumer_type", "Platform.Host.Inbound.WhatsAppUpdatesConsumer");
        AssertChain(trace, channelSend, statuses);
        Assert.Contains(trace, span => span.Kind == ActivityKind.Server && Tag(span, "rpc.method") == "Platform.Grains.Conversations.IConversationGrain/ApplyStatusAsync");
        Assert.Contains(trace, span => span.Kind == ActivityKind.Client && span.Source.Name == "System.Net.Http"
            && Tag(span, "url.full") == platform.Webhooks.Url);
    }

    private static string? Tag(Activity span, string name) => span.GetTagItem(name) as string;

    private static Activity Single(IReadOnlyList<Activity> trace, ActivityKind kind, string tag, string value)
    {
        var matches = trace.Where(span => span.Kind == kind && Tag(span, tag) == value).ToList();
        Assert.True(matches.Count == 1, $"Expected one {kind} span with {tag}={value} in the trace, found {matches.Count}:\n{Describe(trace)}");
        return matches[0];
    }

    private static string Describe(IEnumerable<Activity> trace) => string.Join('\n', trace
        .OrderBy(span => span.StartTimeUtc)
        .Select(span => $"{span.Source.Name} {span.Kind} '{span.DisplayName}' {Tag(span, "rpc.method") ?? Tag(span, "messaging.destination.name") ?? Tag(span, "messaging.masstransit.consumer_type") ?? Tag(span, "url.full")}"));

    /// <summary>Each span descends from the one before it, so the trace is one tree and not only one id.</summary>
    private static void AssertChain(IReadOnlyList<Activity> trace, params Activity[] chain)
    {
        for (var i = 1; i < chain.Length; i++)
        {
            Assert.True(Descends(trace, chain[i], chain[i - 1]), $"'{chain[i].DisplayName}' does not descend from '{chain[i - 1].DisplayName}':\n{Describe(trace)}");
        }
    }

    private static bool Descends(IReadOnlyList<Activity> trace, Activity span, Activity ancestor)
    {
        var byId = trace.ToDictionary(candidate => candidate.SpanId);
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }
}
