using System.Collections.Concurrent;
using Platform.Grains.Tenants;
using Platform.Host.Security;
using Platform.WhatsApp.CloudApi;

namespace Platform.Host.PhoneNumbers;

/// <summary>
/// Hands the Cloud API channel a number's decrypted token. Tokens are cached for a minute so a busy number costs no grain
/// call and decryption per message; a re-registered token takes effect within that minute.
/// </summary>
internal sealed class PhoneNumberAccessTokens(IGrainFactory grains, SecretProtector protector, TimeProvider time) : IAccessTokenSource
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string TenantId, string PhoneNumberId), (string? Token, DateTimeOffset Until)> _cache = new();

    public async Task<string?> GetAsync(string tenantId, string phoneNumberId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue((tenantId, phoneNumberId), out var cached) && cached.Until > now)
        {
            return cached.Token;
        }

        var number = await grains.GetGrain<ITenantGrain>(tenantId).FindPhoneNumberAsync(phoneNumberId);
        var token = number?.ProtectedAccessToken is { } sealedToken ? protector.Unprotect(sealedToken) : null;
        _cache[(tenantId, phoneNumberId)] = (token, now + CacheFor);
        return token;
    }
}
