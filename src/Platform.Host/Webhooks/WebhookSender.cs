using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Platform.Grains.Deliveries;
using Platform.Grains.Webhooks;
using Platform.Host.Security;
using Platform.ServiceDefaults;

namespace Platform.Host.Webhooks;

/// <summary>
/// One signed POST of a delivery to its endpoint, in the endpoint's format. Answers and failures of the endpoint become a
/// <see cref="DeliveryAttempt"/> (never an exception), which the retry schedule classifies.
/// </summary>
internal sealed class WebhookSender(
    IGrainFactory grains, IHttpClientFactory clients, SecretProtector protector, PlatformMetrics metrics, TimeProvider time) : IWebhookSender
{
    public const string HttpClientName = "webhooks";
    private const int ExcerptBytes = 1024;
    private static readonly TimeSpan ExcerptWait = TimeSpan.FromSeconds(1);

    public async Task<DeliveryAttempt> SendAsync(WebhookDelivery delivery, int attemptNumber, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var endpoint = await grains.GetGrain<IWebhookEndpointsGrain>(delivery.TenantId).GetAsync(delivery.EndpointId);
        if (endpoint is not { IsEnabled: true })
        {
            return Attempt(delivery, attemptNumber, now, null, 0, DeliveryOutcomes.Skipped, endpoint is null ? "The endpoint was deleted." : "The endpoint is disabled.");
        }

        var meta = endpoint.Format == WebhookEndpointFormats.Meta;
        var body = meta ? MetaPayloadFormatter.Format(delivery.Type, delivery.Body) ?? delivery.Body : delivery.Body;
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var secret = protector.Unprotect(endpoint.ProtectedSecret);
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Create(Secrets(endpoint, secret, now), now, body));
        request.Headers.Add(WebhookHeaders.DeliveryId, delivery.DeliveryId);
        request.Headers.Add(WebhookHeaders.EventType, delivery.Type);
        if (meta)
        {
            request.Headers.Add("X-Hub-Signature-256", WebhookSignature.CreateMeta(secret, bytes));
        }

        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            var latency = watch.ElapsedMilliseconds;
            metrics.TenantWebhookAttempt(response.IsSuccessStatusCode, status);
            var excerpt = await ExcerptAsync(response, cancellationToken);
            return Attempt(delivery, attemptNumber, now, status, latency, DeliveryOutcomes.FromStatus(status), null) with { ResponseExcerpt = excerpt };
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.TenantWebhookAttempt(false, null);
            return Attempt(delivery, attemptNumber, now, null, watch.ElapsedMilliseconds, DeliveryOutcomes.Failed, "The endpoint did not answer in time.");
        }
        catch (HttpRequestException exception)
        {
            metrics.TenantWebhookAttempt(false, null);
            return Attempt(delivery, attemptNumber, now, null, watch.ElapsedMilliseconds, DeliveryOutcomes.Failed, exception.Message);
        }
    }

    // The start of the answer, for the tenant's delivery log: read for a moment at most, so a body that trickles in never
    // holds the attempt (its outcome is already decided by the status).
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(ExcerptWait);
        var buffer = new byte[ExcerptBytes];
        var read = 0;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(limit.Token);
            int count;
            while (read < buffer.Length && (count = await stream.ReadAsync(buffer.AsMemory(read), limit.Token)) > 0)
            {
                read += count;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or HttpRequestException or IOException)
        {
            // Whatever arrived in time is the excerpt.
        }

        return read == 0 ? null : Encoding.UTF8.GetString(buffer, 0, read).TrimEnd('\uFFFD');
    }

    private IEnumerable<string> Secrets(WebhookEndpointDefinition endpoint, string current, DateTimeOffset now)
    {
        yield return current;
        if (endpoint.ProtectedPreviousSecret is { } previous && endpoint.PreviousSecretExpiresAt > now)
        {
            yield return protector.Unprotect(previous);
        }
    }

    private static DeliveryAttempt Attempt(
        WebhookDelivery delivery, int number, DateTimeOffset at, int? status, long latencyMs, string outcome, string? error) =>
        new(delivery.DeliveryId, delivery.EventId, delivery.Type, number, at, status, latencyMs, outcome, error);
}
