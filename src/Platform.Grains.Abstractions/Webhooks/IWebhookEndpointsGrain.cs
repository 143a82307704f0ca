using Orleans.Concurrency;

namespace Platform.Grains.Webhooks;

/// <summary>A tenant's webhook endpoints: where its events go, in which format, signed with which secret. Key: tenant id.</summary>
[Alias("Platform.WebhookEndpointsGrain")]
public interface IWebhookEndpointsGrain : IGrainWithStringKey
{
    /// <summary>Adds an endpoint.</summary>
    [Alias("AddAsync")]
    Task AddAsync(WebhookEndpointDefinition endpoint);

    /// <summary>Every endpoint of the tenant, oldest first.</summary>
    [ReadOnly]
    [Alias("ListAsync")]
    Task<IReadOnlyList<WebhookEndpointDefinition>> ListAsync();

    /// <summary>The endpoint with this id, or null.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<WebhookEndpointDefinition?> GetAsync(string endpointId);

    /// <summary>Changes what the update names and returns the endpoint, or null when there is none with this id.</summary>
    [Alias("UpdateAsync")]
    Task<WebhookEndpointDefinition?> UpdateAsync(string endpointId, WebhookEndpointUpdate update);

    /// <summary>Replaces the signing secret; the previous one stays valid until <paramref name="previousExpiresAt"/>.</summary>
    [Alias("RotateSecretAsync")]
    Task<WebhookEndpointDefinition?> RotateSecretAsync(string endpointId, string protectedSecret, DateTimeOffset previousExpiresAt);

    /// <summary>Stops deliveries to the endpoint and records why, so the tenant sees it.</summary>
    [Alias("DisableAsync")]
    Task DisableAsync(string endpointId, string reason, DateTimeOffset at);

    /// <summary>Removes the endpoint; false when there was none with this id.</summary>
    [Alias("RemoveAsync")]
    Task<bool> RemoveAsync(string endpointId);
}
