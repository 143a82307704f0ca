using Platform.Grains.Routing;
using Platform.Grains.Storage;

namespace Platform.Grains.Tenants;

/// <summary>One client business: its profile and status, API keys, phone numbers, templates and webhook endpoints.</summary>
public sealed class TenantGrain(
    [PersistentState("tenant", GrainStorage.Platform)] IPersistentState<TenantState> state,
    TenantDirectory directory,
    TimeProvider time) : Grain, ITenantGrain
{
    /// <summary>Bounds the state: a tenant needs a handful of keys; revoked ones stay listed until this many are held.</summary>
    public const int MaxApiKeys = 100;

    public async Task<TenantProfile> CreateAsync(TenantDetails details)
    {
        if (state.State.Profile is not null)
        {
            throw new InvalidOperationException($"Tenant {this.GetPrimaryKeyString()} already exists.");
        }

        var now = time.GetUtcNow();
        state.State.Profile = new TenantProfile(this.GetPrimaryKeyString(), details.Name ?? "", TenantStatuses.Active, now)
        {
            ContactEmail = details.ContactEmail,
            Country = details.Country,
            ExternalReference = details.ExternalReference,
            RateLimit = details.RateLimit,
            StatusChangedAt = now,
        };
        await SaveProfileAsync();
        return state.State.Profile;
    }

    public Task<TenantProfile?> GetProfileAsync() => Task.FromResult(state.State.Profile);

    public async Task<TenantProfile?> UpdateAsync(TenantDetails details)
    {
        if (state.State.Profile is not { } profile)
        {
            return null;
        }

        state.State.Profile = profile with
        {
            Name = details.Name ?? profile.Name,
            ContactEmail = details.ContactEmail ?? profile.ContactEmail,
            Country = details.Country ?? profile.Country,
            ExternalReference = details.ExternalReference ?? profile.ExternalReference,
            RateLimit = details.RateLimit ?? profile.RateLimit,
        };
        if (details.RateLimit is { } limit && limit != profile.RateLimit)
        {
            // Each key carries its tenant's limit, so the per-request check needs no call to this grain.
            var now = time.GetUtcNow();
            await Task.WhenAll(state.State.ApiKeys.Where(key => key.ExpiresAt is null || key.ExpiresAt > now)
                .Select(key => GrainFactory.GetGrain<IApiKeyGrain>(key.Id).SetRateLimitAsync(limit)));
        }

        await SaveProfileAsync();
        return state.State.Profile;
    }

    public async Task<TenantProfile?> SetPlanRateLimitAsync(KeyRateLimit? limit)
    {
        if (state.State.Profile is not { } profile || profile.PlanRateLimit == limit)
        {
            return state.State.Profile;
        }

        state.State.Profile = profile with { PlanRateLimit = limit };
        if (profile.RateLimit is null)
        {
            // The tenant's own limit, when the operator set one, wins over its plan's: only then do the keys change.
            var now = time.GetUtcNow();
            await Task.WhenAll(state.State.ApiKeys.Where(key => key.ExpiresAt is null || key.ExpiresAt > now)
                .Select(key => GrainFactory.GetGrain<IApiKeyGrain>(key.Id).SetRateLimitAsync(limit)));
        }

        await SaveProfileAsync();
        return state.State.Profile;
    }

    public async Task<TenantProfile?> SetStatusAsync(string status, string? reason)
    {
        if (state.State.Profile is not { } profile)
        {
            return null;
        }

        if (profile.Status == TenantStatuses.Closed)
        {
            throw new InvalidOperationException($"Tenant {profile.Id} is closed.");
        }

        var now = time.GetUtcNow();
        if (status == TenantStatuses.Closed)
        {
            foreach (var key in state.State.ApiKeys.Where(key => key.ExpiresAt is null || key.ExpiresAt > now).ToList())
            {
                await GrainFactory.GetGrain<IApiKeyGrain>(key.Id).ExpireAsync(now);
                Replace(key with { ExpiresAt = now });
            }
        }

        state.State.Profile = profile with { Status = status, StatusReason = reason, StatusChangedAt = now };
        await SaveProfileAsync();
        return state.State.Profile;
    }

    public async Task RecordApiKeyAsync(ApiKeySummary key)
    {
        EnsureExists();
        if (state.State.ApiKeys.Count >= MaxApiKeys)
        {
            // Drop the oldest key that no longer works; a tenant with MaxApiKeys working keys is refused by the API first.
            var now = time.GetUtcNow();
            var expired = state.State.ApiKeys.FindIndex(existing => existing.ExpiresAt <= now);
            if (expired < 0)
            {
                throw new InvalidOperationException($"Tenant {this.GetPrimaryKeyString()} holds {MaxApiKeys} working keys.");
            }

            state.State.ApiKeys.RemoveAt(expired);
        }

        if (state.State.Profile!.EffectiveRateLimit is { } limit)
        {
            await GrainFactory.GetGrain<IApiKeyGrain>(key.Id).SetRateLimitAsync(limit);
        }

        state.State.ApiKeys.Add(key);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<ApiKeySummary>> GetApiKeysAsync() =>
        Task.FromResult<IReadOnlyList<ApiKeySummary>>([.. state.State.ApiKeys]);

    public async Task<ApiKeySummary?> ExpireApiKeyAsync(string keyId, DateTimeOffset at, string? rotatedTo)
    {
        if (state.State.ApiKeys.Find(key => key.Id == keyId) is not { } key)
        {
            return null;
        }

        // An earlier expiry wins: rotating an already revoked key must not bring it back.
        var expiresAt = key.ExpiresAt is { } current && current < at ? current : at;
        await GrainFactory.GetGrain<IApiKeyGrain>(keyId).ExpireAsync(expiresAt);
        var updated = key with { ExpiresAt = expiresAt, RotatedTo = rotatedTo ?? key.RotatedTo };
        Replace(updated);
        await state.WriteStateAsync();
        return updated;
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

    public Task<IReadOnlyList<PhoneNumber>> GetPhoneNumbersAsync() =>
        Task.FromResult<IReadOnlyList<PhoneNumber>>([.. state.State.PhoneNumbers]);

    public async Task<PhoneNumber?> ApplyPhoneNumberQualityAsync(string wabaId, string displayPhoneNumber, string qualityEvent, string? messagingLimit)
    {
        // Meta names the number by its display form only, written as it likes ("+1 555-0100", "15550100"): compare digits.
        var digits = Digits(displayPhoneNumber);
        var index = state.State.PhoneNumbers.FindIndex(number => number.WabaId == wabaId && Digits(number.DisplayPhoneNumber) == digits);
        if (index < 0)
        {
            return null;
        }

        var number = state.State.PhoneNumbers[index];
        var updated = number with { QualityEvent = qualityEvent, MessagingLimit = messagingLimit ?? number.MessagingLimit };
        if (updated != number)
        {
            state.State.PhoneNumbers[index] = updated;
            await state.WriteStateAsync();
        }

        return updated;
    }

    public async Task AddTemplateAsync(TemplateReference reference)
    {
        EnsureExists();
        state.State.Templates.Add(reference);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<TemplateReference>> GetTemplatesAsync() =>
        Task.FromResult<IReadOnlyList<TemplateReference>>([.. state.State.Templates]);

    public async Task RemoveTemplateAsync(string templateId)
    {
        if (state.State.Templates.RemoveAll(template => template.Id == templateId) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task AddWebhookEndpointAsync(WebhookEndpoint endpoint)
    {
        EnsureExists();
        state.State.WebhookEndpoints.Add(endpoint);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<WebhookEndpoint>> GetWebhookEndpointsAsync() =>
        Task.FromResult<IReadOnlyList<WebhookEndpoint>>([.. state.State.WebhookEndpoints]);

    // The grain is the profile's source of truth; the directory follows it, written after the state so it never lists
    // a change that was not stored (a failed directory write is retried by the caller's retry of the whole call).
    private async Task SaveProfileAsync()
    {
        await state.WriteStateAsync();
        await directory.UpsertAsync(state.State.Profile!);
    }

    private static string Digits(string number) => new([.. number.Where(char.IsAsciiDigit)]);

    private void Replace(ApiKeySummary key) =>
        state.State.ApiKeys[state.State.ApiKeys.FindIndex(existing => existing.Id == key.Id)] = key;

    private void EnsureExists()
    {
        if (state.State.Profile is null)
        {
            throw new InvalidOperationException($"Tenant {this.GetPrimaryKeyString()} does not exist.");
        }
    }
}
