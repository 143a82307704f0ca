using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Platform.Grains.Storage;

namespace Platform.Grains.Routing;

/// <summary>
/// Authenticates one API key. Keys are 256-bit random secrets, so a plain SHA-256 is enough (no password stretching):
/// nobody can guess a preimage, and a hash per request stays cheap. "Last used" is kept in memory and stored at most once
/// per <see cref="LastUsedResolution"/> and on deactivation, so a busy key costs no storage write per request.
/// </summary>
public sealed partial class ApiKeyGrain(
    [PersistentState("apikey", GrainStorage.Platform)] IPersistentState<ApiKeyState> state,
    TimeProvider time,
    ILogger<ApiKeyGrain> logger) : Grain, IApiKeyGrain
{
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _lastUsed;

    public async Task IssueAsync(string tenantId, byte[] secretHash, string[] scopes)
    {
        if (state.State.TenantId is not null)
        {
            throw new InvalidOperationException($"API key {this.GetPrimaryKeyString()} is already issued.");
        }

        state.State.TenantId = tenantId;
        state.State.SecretHash = secretHash;
        state.State.Scopes = scopes;
        await state.WriteStateAsync();
    }

    public async Task<ApiKeyGrant?> AuthorizeAsync(byte[] secretHash)
    {
        var now = time.GetUtcNow();
        if (state.State.TenantId is not { } tenantId
            || !CryptographicOperations.FixedTimeEquals(state.State.SecretHash, secretHash)
            || state.State.ExpiresAt <= now)
        {
            return null;
        }

        _lastUsed = now;
        if (state.State.LastUsedAt is not { } stored || now - stored >= LastUsedResolution)
        {
            try
            {
                await SaveLastUsedAsync();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Bookkeeping must not fail a valid key during a storage blip: the time stays in memory for the next save.
                LogLastUsedNotSaved(exception, this.GetPrimaryKeyString());
            }
        }

        return new ApiKeyGrant(tenantId, state.State.Scopes) { RateLimit = state.State.RateLimit };
    }

    public async Task ExpireAsync(DateTimeOffset at)
    {
        state.State.ExpiresAt = state.State.ExpiresAt is { } current && current < at ? current : at;
        await state.WriteStateAsync();
    }

    public async Task SetRateLimitAsync(Tenants.KeyRateLimit? rateLimit)
    {
        if (state.State.RateLimit != rateLimit)
        {
            state.State.RateLimit = rateLimit;
            await state.WriteStateAsync();
        }
    }

    public Task<DateTimeOffset?> GetLastUsedAsync() => Task.FromResult(_lastUsed ?? state.State.LastUsedAt);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_lastUsed is { } lastUsed && lastUsed != state.State.LastUsedAt)
        {
            await SaveLastUsedAsync();
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not store when API key {KeyId} was last used")]
    private partial void LogLastUsedNotSaved(Exception exception, string keyId);

    private async Task SaveLastUsedAsync()
    {
        state.State.LastUsedAt = _lastUsed;
        await state.WriteStateAsync();
    }
}
