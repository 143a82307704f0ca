using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.Host.Problems;

namespace Platform.Host.Authentication;

/// <summary>
/// Reads <c>Authorization: Bearer &lt;key&gt;</c> and answers a missing or wrong key with a 401 problem detail, the same
/// for both kinds of key so the answer tells an attacker nothing.
/// </summary>
internal abstract class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    protected sealed override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length == Prefix.Length)
        {
            return AuthenticateResult.NoResult();
        }

        var claims = await AuthenticateAsync(header[Prefix.Length..].Trim());
        return claims is null
            ? AuthenticateResult.Fail("The key is not valid.")
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
    }

    /// <summary>The caller's claims when the key is valid, otherwise null.</summary>
    protected abstract Task<IReadOnlyList<Claim>?> AuthenticateAsync(string key);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ProblemWriter.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            ErrorCodes.Unauthorized,
            "Send a valid key as 'Authorization: Bearer <key>'.");
    }
}
