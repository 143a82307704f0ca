using System.Net.Http.Headers;
using System.Text;
using MassTransit;
using Platform.Contracts.TenantEvents;
using Platform.Grains.Tenants;
using Platform.Host.Security;

namespace Platform.Host.Webhooks;

/// <summary>
/// POSTs one tenant event to one endpoint, signed with the endpoint's secret. Anything but a 2xx answer throws, so the
/// delivery is retried with the same delivery id.
/// </summary>
internal sealed class DeliverTenantEventConsumer(
    IGrainFactory grains,
    IHttpClientFactory clients,
    SecretProtector protector,
    TimeProvider time) : IConsumer<DeliverTenantEvent>
{
    public const string HttpClientName = "webhooks";

    public async Task Consume(ConsumeContext<DeliverTenantEvent> context)
    {
        var delivery = context.Message;
        var endpoints = await grains.GetGrain<ITenantGrain>(delivery.TenantId).GetWebhookEndpointsAsync();
        if (endpoints.FirstOrDefault(endpoint => endpoint.Id == delivery.EndpointId) is not { } endpoint)
        {
            // The tenant removed the endpoint after the event was raised: nobody is left to tell.
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Create(protector.Unprotect(endpoint.ProtectedSecret), time.GetUtcNow(), delivery.Body));
        request.Headers.Add(WebhookHeaders.DeliveryId, delivery.DeliveryId);
        request.Headers.Add(WebhookHeaders.EventType, delivery.Type);

        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, context.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new WebhookDeliveryException($"The endpoint answered {(int)response.StatusCode}.");
        }
    }
}
