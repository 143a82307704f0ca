namespace Platform.Grains.Tenants;

/// <summary>One client business of the solution provider: its profile, keys, phone numbers and webhook endpoints. Key: tenant id.</summary>
[Alias("Platform.TenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant; fails if it exists.</summary>
    [Alias("CreateAsync")]
    Task<TenantProfile> CreateAsync(string name);

    /// <summary>The tenant's profile, or null when no tenant has this id.</summary>
    [Alias("GetProfileAsync")]
    Task<TenantProfile?> GetProfileAsync();

    /// <summary>Records that an API key was issued to the tenant (its hash lives in the key's own grain).</summary>
    [Alias("RecordApiKeyAsync")]
    Task RecordApiKeyAsync(ApiKeySummary key);

    /// <summary>Adds a phone number the tenant has claimed.</summary>
    [Alias("AddPhoneNumberAsync")]
    Task AddPhoneNumberAsync(PhoneNumber number);

    /// <summary>The tenant's phone number with Meta's id <paramref name="phoneNumberId"/>, or null.</summary>
    [Alias("FindPhoneNumberAsync")]
    Task<PhoneNumber?> FindPhoneNumberAsync(string phoneNumberId);

    /// <summary>Adds a webhook endpoint that receives the tenant's events.</summary>
    [Alias("AddWebhookEndpointAsync")]
    Task AddWebhookEndpointAsync(WebhookEndpoint endpoint);

    /// <summary>The tenant's webhook endpoints.</summary>
    [Alias("GetWebhookEndpointsAsync")]
    Task<IReadOnlyList<WebhookEndpoint>> GetWebhookEndpointsAsync();
}
