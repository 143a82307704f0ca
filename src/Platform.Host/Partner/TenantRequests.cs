using System.Net.Mail;
using Platform.Grains.Tenants;

namespace Platform.Host.Partner;

/// <summary>Checks a tenant's details; on create the name is required, on update every field is optional.</summary>
public static class TenantRequests
{
    public const int MaxNameLength = 200;
    public const int MaxReferenceLength = 200;
    public const int MaxReasonLength = 500;
    public const int MaxRate = 1_000_000;

    public static Dictionary<string, string[]> Validate(CreateTenantRequest request, bool creating, out TenantDetails details)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if ((creating || name is not null) && (string.IsNullOrEmpty(name) || name.Length > MaxNameLength))
        {
            errors["name"] = [$"A name of 1 to {MaxNameLength} characters is required."];
        }

        var email = request.ContactEmail?.Trim();
        if (email is not null && (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            errors["contact_email"] = ["The contact e-mail must be one address, such as ops@example.com."];
        }

        var country = request.Country?.Trim().ToUpperInvariant();
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            errors["country"] = ["The country must be an ISO 3166-1 alpha-2 code, such as DE."];
        }

        var reference = request.ExternalReference?.Trim();
        if (reference is not null && (reference.Length is 0 or > MaxReferenceLength || reference.Any(char.IsControl)))
        {
            errors["external_reference"] = [$"The external reference must be 1 to {MaxReferenceLength} printable characters."];
        }

        KeyRateLimit? limit = null;
        if (request.RateLimit is { } rate)
        {
            if (rate.PermitsPerSecond is not (>= 1 and <= MaxRate) || rate.Burst is not (>= 1 and <= MaxRate))
            {
                errors["rate_limit"] = [$"permits_per_second and burst are both required, 1 to {MaxRate}."];
            }
            else
            {
                limit = new KeyRateLimit(rate.PermitsPerSecond.Value, rate.Burst.Value);
            }
        }

        details = new TenantDetails(name, email, country, reference) { RateLimit = limit };
        return errors;
    }
}
