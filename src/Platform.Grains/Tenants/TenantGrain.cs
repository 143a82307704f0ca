using Platform.Grains.Storage;

namespace Platform.Grains.Tenants;

/// <summary>One client business: its profile, API keys, phone numbers and webhook endpoints.</summary>
public sealed class TenantGrain(
    [PersistentState("tenant", GrainStorage.Platform)] IPersistentState<TenantState> state,
    TimeProvider time) : Grain, ITenantGrain
{
    public async Task<TenantProfile> CreateAsync(string name)
    {
        if (state.State.Profile is not null)
        {
            throw new InvalidOperationException($"Tenant {this.GetPrimaryKeyString()} already exists.");
        }

        state.State.Profile = new TenantProfile(this.GetPrimaryKeyString(), name, TenantStatuses.Active, time.GetUtcNow());
        await state.WriteStateAsync();
        return state.State.Profile;
    }

    public Task<TenantProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public async Task RecordApiKeyAsync(ApiKeySummary key)
    {
        EnsureExists();
        state.State.ApiKeys.Add(key);
        await state.WriteStateAsync();
    }

    public async Task AddPhoneNumberAsync(PhoneNumber number)
    {
        EnsureExists();
        state.State.PhoneNumbers.RemoveAll(existing => existing.PhoneNumberId == number.PhoneNumberId);
        state.State.PhoneNumbers.Add(number);
        await state.WriteStateAsync();
    }

    public Task<PhoneNumber?> FindPhoneNumberAsync(string phoneNumberId) =>
        Task.FromResult(state.State.PhoneNumbers.Find(number => number.PhoneNumberId == phoneNumberId));

    public async Task AddWebhookEndpointAsync(WebhookEndpoint endpoint)
    {
        EnsureExists();
        state.State.WebhookEndpoints.Add(endpoint);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<WebhookEndpoint>> GetWebhookEndpointsAsync() =>
        Task.FromResult<IReadOnlyList<WebhookEndpoint>>([.. state.State.WebhookEndpoints]);

    private void EnsureExists()
    {
        if (state.State.Profile is null)
        {
            throw new InvalidOperationException($"Tenant {this.GetPrimaryKeyString()} does not exist.");
        }
    }
}
