using System.Collections.Concurrent;
using Platform.Grains.Tenants;
using Platform.Host.Security;
using Platform.WhatsApp.CloudApi;

namespace Platform.Host.CloudApi;

/// <summary>
/// Reads a <c>cloud_api</c> number's access token from the tenant's record, where it is stored encrypted, and keeps the
/// decrypted token in memory for a minute so a burst of sends does not decrypt it each time.
/// </summary>
internal sealed class TenantAccessTokens(IGrainFactory grains, SecretProtector protector, TimeProvider time) : IAccessTokenSource
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string TenantId, string PhoneNumberId), (string Token, DateTimeOffset Until)> _cache = new();

    public async Task<string?> GetAsync(string tenantId, string phoneNumberId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue((tenantId, phoneNumberId), out var cached) && cached.Until > now)
        {
            return cached.Token;
        }

        var number = await grains.GetGrain<ITenantGrain>(tenantId).FindPhoneNumberAsync(phoneNumberId);
        if (number?.ProtectedAccessToken is not { } protectedToken)
        {
            return null;
        }

        var token = protector.Unprotect(protectedToken);
        _cache[(tenantId, phoneNumberId)] = (token, now + CacheFor);
        return token;
    }
}
