using Orleans.Concurrency;

namespace Platform.Grains.Tenants;

/// <summary>
/// One client business of the solution provider: its profile, keys, phone numbers and webhook endpoints. Key: tenant id.
/// Reads are [ReadOnly] so they interleave: every write and send of the tenant reads its status here.
/// </summary>
[Alias("Platform.TenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant; fails if it exists.</summary>
    [Alias("CreateWithDetailsAsync")]
    Task<TenantProfile> CreateAsync(TenantDetails details);

    /// <summary>The tenant's profile, or null when no tenant has this id.</summary>
    [Alias("GetProfileAsync"), ReadOnly]
    Task<TenantProfile?> GetProfileAsync();

    /// <summary>Changes the fields of <paramref name="details"/> that are not null; null when no tenant has this id.</summary>
    [Alias("UpdateAsync")]
    Task<TenantProfile?> UpdateAsync(TenantDetails details);

    /// <summary>Moves the tenant to <paramref name="status"/> (active, suspended, closed) with the operator's reason; closing revokes every key.</summary>
    [Alias("SetStatusAsync")]
    Task<TenantProfile?> SetStatusAsync(string status, string? reason);

    /// <summary>Gives the tenant its price plan's per-key rate limit (null: none); keys take it unless the tenant has its own. Null when no tenant has this id.</summary>
    [Alias("SetPlanRateLimitAsync")]
    Task<TenantProfile?> SetPlanRateLimitAsync(KeyRateLimit? limit);

    /// <summary>Records that an API key was issued to the tenant (its hash lives in the key's own grain).</summary>
    [Alias("RecordApiKeyAsync")]
    Task RecordApiKeyAsync(ApiKeySummary key);

    /// <summary>Every API key the tenant holds or held, oldest first.</summary>
    [Alias("GetApiKeysAsync"), ReadOnly]
    Task<IReadOnlyList<ApiKeySummary>> GetApiKeysAsync();

    /// <summary>Makes the key stop working at <paramref name="at"/>; <paramref name="rotatedTo"/> names its successor when rotated. Null when the tenant has no such key.</summary>
    [Alias("ExpireApiKeyAsync")]
    Task<ApiKeySummary?> ExpireApiKeyAsync(string keyId, DateTimeOffset at, string? rotatedTo);

    /// <summary>Adds a phone number the tenant has claimed.</summary>
    [Alias("AddPhoneNumberAsync")]
    Task AddPhoneNumberAsync(PhoneNumber number);

    /// <summary>The tenant's phone number with Meta's id <paramref name="phoneNumberId"/>, or null.</summary>
    [Alias("FindPhoneNumberAsync"), ReadOnly]
    Task<PhoneNumber?> FindPhoneNumberAsync(string phoneNumberId);

    /// <summary>The tenant's phone numbers, oldest first.</summary>
    [Alias("GetPhoneNumbersAsync"), ReadOnly]
    Task<IReadOnlyList<PhoneNumber>> GetPhoneNumbersAsync();

    /// <summary>Applies Meta's quality update to the number Meta names by account and display form; null when none matches.</summary>
    [Alias("ApplyPhoneNumberQualityAsync")]
    Task<PhoneNumber?> ApplyPhoneNumberQualityAsync(string wabaId, string displayPhoneNumber, string qualityEvent, string? messagingLimit);

    /// <summary>Adds a template the tenant created.</summary>
    [Alias("AddTemplateAsync")]
    Task AddTemplateAsync(TemplateReference reference);

    /// <summary>The tenant's templates, oldest first.</summary>
    [Alias("GetTemplatesAsync"), ReadOnly]
    Task<IReadOnlyList<TemplateReference>> GetTemplatesAsync();

    /// <summary>Forgets a deleted template.</summary>
    [Alias("RemoveTemplateAsync")]
    Task RemoveTemplateAsync(string templateId);

    /// <summary>Adds a webhook endpoint that receives the tenant's events.</summary>
    [Alias("AddWebhookEndpointAsync")]
    Task AddWebhookEndpointAsync(WebhookEndpoint endpoint);

    /// <summary>The tenant's webhook endpoints.</summary>
    [Alias("GetWebhookEndpointsAsync"), ReadOnly]
    Task<IReadOnlyList<WebhookEndpoint>> GetWebhookEndpointsAsync();
}
