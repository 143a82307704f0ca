using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Platform.Host.Authentication;
using Platform.Host.Hosting;

namespace Platform.Host.Security;

public static class SecurityHosting
{
    /// <summary>
    /// The operator's key, the keys that encrypt secrets at rest, and the two authentication schemes. With any real service
    /// configured both keys are required; the embedded mode generates them and says so, because its state dies with it.
    /// </summary>
    public static WebApplicationBuilder AddPlatformSecurity(this WebApplicationBuilder builder, PlatformMode mode, StartupReport report)
    {
        var operatorKey = builder.Configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>()?.OperatorKey;
        if (string.IsNullOrWhiteSpace(operatorKey))
        {
            RequireEmbedded(mode, "Platform__OperatorKey");
            operatorKey = "op_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            report.Add($"Operator key (generated for this run, shown once; set Platform__OperatorKey to choose one): {operatorKey}");
        }

        builder.Services.AddSingleton(new OperatorCredential(operatorKey));
        builder.Services.AddSingleton(CreateProtector(builder.Configuration.GetSection(SecretOptions.Section).Get<SecretOptions>() ?? new SecretOptions(), mode, report));

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentTenant>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, OperatorAuthenticationHandler>(AuthenticationSchemes.Operator, null)
            .AddScheme<AuthenticationSchemeOptions, TenantKeyAuthenticationHandler>(AuthenticationSchemes.TenantKey, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AuthenticationSchemes.Operator, policy => policy.AddAuthenticationSchemes(AuthenticationSchemes.Operator).RequireAuthenticatedUser())
            .AddPolicy(AuthenticationSchemes.TenantKey, policy => policy.AddAuthenticationSchemes(AuthenticationSchemes.TenantKey).RequireAuthenticatedUser());
        return builder;
    }

    private static SecretProtector CreateProtector(SecretOptions options, PlatformMode mode, StartupReport report)
    {
        if (options.Keys.Count == 0)
        {
            RequireEmbedded(mode, "Secrets__Keys__<id> (base64 of 32 random bytes) and Secrets__ActiveKeyId");
            report.Add("Secrets at rest: encrypted with a development key generated for this run (state is in memory too)");
            return new SecretProtector(new Dictionary<string, byte[]> { ["dev"] = RandomNumberGenerator.GetBytes(32) }, "dev");
        }

        var activeKeyId = options.ActiveKeyId ?? (options.Keys.Count == 1
            ? options.Keys.Keys.Single()
            : throw new InvalidOperationException("Secrets__ActiveKeyId must name the key that encrypts when several keys are configured."));
        var keys = options.Keys.ToDictionary(pair => pair.Key, pair => Decode(pair.Key, pair.Value));
        report.Add($"Secrets at rest: AES-256-GCM, active key '{activeKeyId}' of {keys.Count}");
        return new SecretProtector(keys, activeKeyId);
    }

    private static byte[] Decode(string keyId, string value)
    {
        try
        {
            return Convert.FromBase64String(value);
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"Secrets__Keys__{keyId} is not base64.", exception);
        }
    }

    private static void RequireEmbedded(PlatformMode mode, string setting)
    {
        if (!mode.IsFullyEmbedded)
        {
            throw new InvalidOperationException(
                $"{setting} must be set when the platform runs with real services (Azure Storage or RabbitMQ): " +
                "a generated value would not survive a restart or match the other replicas.");
        }
    }
}
