using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Platform.Tenancy.Tests;

/// <summary>
/// Erasure and the retention period against Azure Table storage (Azurite here): the history's table rows lose bodies and
/// numbers, Meta's wamid links go, and the retention setting and sweep progress survive a restart.
/// </summary>
public sealed class Privacy_on_Azurite : IAsyncLifetime
{
    private const string AppSecret = "privacy-app-secret";
    private const string Erased = "4915144444444";
    private const string Kept = "4915155555555";
    private IReadOnlyDictionary<string, string> _environment = new Dictionary<string, string>();

    public async Task InitializeAsync() => _environment = await RealServices.IsolatedEnvironmentAsync("privacy", new Dictionary<string, string>
    {
        ["WhatsApp__AppSecret"] = AppSecret,
        ["Privacy__RetentionSweepInterval"] = "00:00:00.500",
    });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Should_erase_a_customer_and_remove_bodies_past_the_retention_period_in_table_storage()
    {
        await using var host = await PlatformProcess.StartAsync(_environment);
        var @operator = new Caller(host.Http, RealServices.OperatorKey);
        var tenant = await @operator.ExpectAsync(HttpMethod.Post, "/partner/v1/tenants", HttpStatusCode.Created, new { name = "Private GmbH" });
        var tenantId = tenant.GetProperty("id").GetString()!;
        var admin = @operator.WithKey((await @operator.ExpectAsync(HttpMethod.Post, $"/partner/v1/tenants/{tenantId}/api-keys", HttpStatusCode.Created)).GetProperty("key").GetString());
        var phoneNumberId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        await admin.ExpectAsync(HttpMethod.Post, "/v1/phone-numbers", HttpStatusCode.Created,
            new { phone_number_id = phoneNumberId, display_phone_number = "+1 555 0100", channel = "sandbox" });

        await PostFromMetaAsync(host.Http, phoneNumberId, Erased, "wamid.erased1", "I live at Hauptstrasse 1", DateTimeOffset.UtcNow.AddMinutes(-5));
        await PostFromMetaAsync(host.Http, phoneNumberId, Kept, "wamid.old1", "My IBAN is DE89 3704", DateTimeOffset.UtcNow.AddDays(-40));
        await PostFromMetaAsync(host.Http, phoneNumberId, Kept, "wamid.new1", "See you tomorrow", DateTimeOffset.UtcNow.AddDays(-1));
        var messages = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var page = await admin.ExpectAsync(HttpMethod.Get, "/v1/messages", HttpStatusCode.OK);
            return page.GetProperty("data").GetArrayLength() == 3 ? page.GetProperty("data") : null;
        });
        string IdOf(string wamid) => messages.EnumerateArray().Single(message => message.GetProperty("wamid").GetString() == wamid).GetProperty("id").GetString()!;

        await admin.ExpectAsync(HttpMethod.Delete, $"/v1/contacts/{Erased}", HttpStatusCode.NoContent);
        await admin.ExpectAsync(HttpMethod.Put, "/v1/settings/privacy", HttpStatusCode.OK, new { message_retention_days = 30 });

        var erased = await admin.ExpectAsync(HttpMethod.Get, $"/v1/messages/{IdOf("wamid.erased1")}", HttpStatusCode.OK);
        Assert.DoesNotContain("Hauptstrasse", erased.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Erased, erased.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, (await admin.ExpectAsync(HttpMethod.Get, $"/v1/messages?customer={Erased}", HttpStatusCode.OK)).GetProperty("data").GetArrayLength());
        var old = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var message = await admin.ExpectAsync(HttpMethod.Get, $"/v1/messages/{IdOf("wamid.old1")}", HttpStatusCode.OK);
            return message.TryGetProperty("redacted_at", out _) ? message : null;
        });
        Assert.DoesNotContain("IBAN", old.GetRawText(), StringComparison.Ordinal);
        var recent = await admin.ExpectAsync(HttpMethod.Get, $"/v1/messages/{IdOf("wamid.new1")}", HttpStatusCode.OK);
        Assert.Equal("See you tomorrow", recent.GetProperty("text").GetProperty("body").GetString());

        await host.StopAsync();
        await using var restarted = await PlatformProcess.StartAsync(_environment);
        var adminAgain = new Caller(restarted.Http, RealServices.OperatorKey).WithKey(admin.Key);
        var settings = await adminAgain.ExpectAsync(HttpMethod.Get, "/v1/settings/privacy", HttpStatusCode.OK);
        Assert.Equal(30, settings.GetProperty("message_retention_days").GetInt32());
    }

    private static async Task PostFromMetaAsync(HttpClient http, string phoneNumberId, string from, string wamid, string text, DateTimeOffset at)
    {
        var body = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "102290129340398",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["display_phone_number"] = "15550783881", ["phone_number_id"] = phoneNumberId },
                        ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Kim" }, ["wa_id"] = from }),
                        ["messages"] = new JsonArray(new JsonObject
                        {
                            ["from"] = from, ["id"] = wamid, ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                            ["type"] = "text", ["text"] = new JsonObject { ["body"] = text },
                        }),
                    },
                }),
            }),
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.UTF8.GetBytes(body))));
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
