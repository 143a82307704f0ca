using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.Grains.Routing;
using Platform.Host.Security;

namespace Platform.Host.Authentication;

/// <summary>Authenticates a tenant's API key through the key's own grain, which holds the hash, the scopes and the expiry.</summary>
internal sealed class TenantKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains) : BearerAuthenticationHandler(options, logger, encoder)
{
    protected override async Task<IReadOnlyList<Claim>?> AuthenticateAsync(string key)
    {
        if (ApiKeyFormat.KeyIdOf(key) is not { } keyId)
        {
            return null;
        }

        var grant = await grains.GetGrain<IApiKeyGrain>(keyId).AuthorizeAsync(ApiKeyFormat.Hash(key));
        if (grant is null)
        {
            return null;
        }

        List<Claim> claims = [new(PlatformClaims.TenantId, grant.TenantId), new(PlatformClaims.KeyId, keyId), .. grant.Scopes.Select(scope => new Claim(PlatformClaims.Scope, scope))];
        if (grant.RateLimit is { } limit)
        {
            claims.Add(new Claim(PlatformClaims.RateLimit, FormattableString.Invariant($"{limit.PermitsPerSecond}/{limit.Burst}")));
        }

        return claims;
    }
}
