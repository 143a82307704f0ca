using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.Host.Security;

namespace Platform.Host.Authentication;

/// <summary>Authenticates the solution provider's operator key.</summary>
internal sealed class OperatorAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OperatorCredential credential) : BearerAuthenticationHandler(options, logger, encoder)
{
    protected override Task<IReadOnlyList<Claim>?> AuthenticateAsync(string key) =>
        Task.FromResult<IReadOnlyList<Claim>?>(credential.Matches(key) ? [new Claim(ClaimTypes.Role, AuthenticationSchemes.Operator)] : null);
}
