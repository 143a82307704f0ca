using System.Globalization;
using System.Net;

namespace Platform.Tenancy.Tests;

/// <summary>A tenant created for a test, with its admin key's caller.</summary>
public sealed record TestTenant(string Id, Caller Admin)
{
    /// <summary>Issues a key with exactly <paramref name="scopes"/>.</summary>
    public async Task<Caller> KeyWithAsync(params string[] scopes)
    {
        var key = await Admin.ExpectAsync(HttpMethod.Post, "/v1/api-keys", HttpStatusCode.Created, new { name = "scoped", scopes });
        return Admin.WithKey(key.GetProperty("key").GetString());
    }

    /// <summary>Registers a sandbox number and returns (our id, Meta's phone_number_id).</summary>
    public async Task<(string Id, string PhoneNumberId)> AddSandboxNumberAsync()
    {
        var phoneNumberId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        var number = await Admin.ExpectAsync(
            HttpMethod.Post, "/v1/phone-numbers", HttpStatusCode.Created,
            new { phone_number_id = phoneNumberId, display_phone_number = "+1 555 0100", channel = "sandbox" });
        return (number.GetProperty("id").GetString()!, phoneNumberId);
    }

    /// <summary>Uploads a small JPEG and returns its media id.</summary>
    public async Task<string> AddMediaAsync()
    {
        var file = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46]);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        using var form = new MultipartFormDataContent { { new StringContent("image/jpeg"), "type" }, { file, "file", "receipt.jpg" } };
        var media = await Admin.ExpectAsync(HttpMethod.Post, "/v1/media", HttpStatusCode.Created, form);
        return media.GetProperty("id").GetString()!;
    }

    /// <summary>Creates a valid template and returns its id.</summary>
    public async Task<string> AddTemplateAsync(string name = "order_update")
    {
        var template = await Admin.ExpectAsync(HttpMethod.Post, "/v1/templates", HttpStatusCode.Created, Templates.Valid(name));
        return template.GetProperty("id").GetString()!;
    }
}
