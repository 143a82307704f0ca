using System.Net;
using System.Text.Json;

namespace Platform.Testing;

/// <summary>The steps every scenario starts with, through the public API.</summary>
public static class Onboarding
{
    /// <summary>Creates a tenant with an API key, and returns a client that calls as that tenant.</summary>
    public static async Task<Tenant> CreateTenantAsync(PlatformClient @operator, string name = "Acme")
    {
        var tenant = await @operator.PostAsync("/partner/v1/tenants", new { name }, HttpStatusCode.Created);
        var id = tenant.GetProperty("id").GetString()!;
        var key = await @operator.PostAsync($"/partner/v1/tenants/{id}/api-keys", new { }, HttpStatusCode.Created);
        return new Tenant(id, key.GetProperty("key").GetString()!, @operator.WithKey(key.GetProperty("key").GetString()));
    }

    /// <summary>Registers a sandbox number with a fresh phone_number_id and returns that id.</summary>
    public static async Task<string> AddSandboxNumberAsync(this Tenant tenant)
    {
        var phoneNumberId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await tenant.Client.PostAsync(
            "/v1/phone-numbers",
            new { phone_number_id = phoneNumberId, display_phone_number = "+1 555 0100", channel = "sandbox" },
            HttpStatusCode.Created);
        return phoneNumberId;
    }

    /// <summary>Registers a webhook endpoint and returns its signing secret.</summary>
    public static async Task<string> AddWebhookAsync(this Tenant tenant, string url)
    {
        var endpoint = await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url }, HttpStatusCode.Created);
        return endpoint.GetProperty("secret").GetString()!;
    }

    /// <summary>Polls the message until it reaches <paramref name="status"/>.</summary>
    public static Task<JsonElement> WaitForStatusAsync(this Tenant tenant, string messageId, string status, TimeSpan? timeout = null) =>
        Eventually.GetValueAsync<JsonElement>(async () =>
        {
            // Not there yet is normal: a record rebuilt from the queued command appears only once the consumer runs.
            using var response = await tenant.Client.GetAsync($"/v1/messages/{messageId}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            var message = await PlatformClient.ExpectAsync(response, HttpStatusCode.OK);
            return message.GetProperty("status").GetString() == status ? message : (JsonElement?)null;
        }, timeout);
}
