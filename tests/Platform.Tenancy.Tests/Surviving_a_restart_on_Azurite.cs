using System.Net;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Tenancy.Tests;

/// <summary>
/// Tenants, keys, templates, contacts (and an erased contact's hashed opt-out) and the audit log live in Azure Table storage (Azurite here): a restarted host,
/// configured only through environment variables, reads every one of them back.
/// </summary>
public sealed class Surviving_a_restart_on_Azurite : IAsyncLifetime
{
    private IReadOnlyDictionary<string, string> _environment = new Dictionary<string, string>();

    public async Task InitializeAsync() => _environment = await RealServices.IsolatedEnvironmentAsync("tenancy");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Should_keep_tenant_keys_templates_contacts_and_audit_across_a_restart()
    {
        var reference = "restart-" + Guid.NewGuid().ToString("N");
        string tenantId, templateId, scopedKey, revokedKey, adminKey;
        await using (var host = await PlatformProcess.StartAsync(_environment))
        {
            var @operator = new Caller(host.Http, RealServices.OperatorKey);
            var tenant = await @operator.ExpectAsync(HttpMethod.Post, "/partner/v1/tenants", HttpStatusCode.Created,
                new { name = "Durable GmbH", country = "DE", external_reference = reference });
            tenantId = tenant.GetProperty("id").GetString()!;
            adminKey = (await @operator.ExpectAsync(HttpMethod.Post, $"/partner/v1/tenants/{tenantId}/api-keys", HttpStatusCode.Created)).GetProperty("key").GetString()!;
            var admin = @operator.WithKey(adminKey);
            scopedKey = (await admin.ExpectAsync(HttpMethod.Post, "/v1/api-keys", HttpStatusCode.Created, new { name = "reader", scopes = new[] { "templates:read" } }))
                .GetProperty("key").GetString()!;
            var revoked = await admin.ExpectAsync(HttpMethod.Post, "/v1/api-keys", HttpStatusCode.Created, new { name = "old", scopes = new[] { "templates:read" } });
            revokedKey = revoked.GetProperty("key").GetString()!;
            await admin.ExpectAsync(HttpMethod.Delete, $"/v1/api-keys/{revoked.GetProperty("id").GetString()}", HttpStatusCode.OK);

            templateId = (await admin.ExpectAsync(HttpMethod.Post, "/v1/templates", HttpStatusCode.Created, Templates.Valid())).GetProperty("id").GetString()!;
            await Eventually.GetAsync(async () =>
                (await admin.ExpectAsync(HttpMethod.Get, $"/v1/templates/{templateId}", HttpStatusCode.OK)).GetProperty("status").GetString() == "APPROVED" ? "yes" : null);
            await admin.ExpectAsync(HttpMethod.Post, "/v1/contacts/4915111111111/opt-in", HttpStatusCode.OK, new { source = "shop", proof = "ticked" });
            await admin.ExpectAsync(HttpMethod.Post, "/v1/contacts/4915111111111/opt-out", HttpStatusCode.OK, new { scope = "marketing" });
            await admin.ExpectAsync(HttpMethod.Post, "/v1/contacts/4915122222222/opt-out", HttpStatusCode.OK);
            await admin.ExpectAsync(HttpMethod.Delete, "/v1/contacts/4915122222222", HttpStatusCode.NoContent);
            await @operator.ExpectAsync(HttpMethod.Post, $"/partner/v1/tenants/{tenantId}/suspend", HttpStatusCode.OK, new { reason = "audit pending" });
            await host.StopAsync();
        }

        await using var restarted = await PlatformProcess.StartAsync(_environment);
        var again = new Caller(restarted.Http, RealServices.OperatorKey);
        var adminAgain = again.WithKey(adminKey);

        var listed = await again.ExpectAsync(HttpMethod.Get, $"/partner/v1/tenants?external_reference={reference}", HttpStatusCode.OK);
        Assert.Equal([tenantId], listed.GetProperty("data").EnumerateArray().Select(tenant => tenant.GetProperty("id").GetString()));
        Assert.Equal("suspended", listed.GetProperty("data")[0].GetProperty("status").GetString());
        Assert.Equal("tenant_suspended", (await adminAgain.PostAsync("/v1/contacts/4915111111111/opt-in", new { source = "x", proof = "y" })).Code);
        await again.ExpectAsync(HttpMethod.Post, $"/partner/v1/tenants/{tenantId}/resume", HttpStatusCode.OK);

        var template = await again.WithKey(scopedKey).ExpectAsync(HttpMethod.Get, $"/v1/templates/{templateId}", HttpStatusCode.OK);
        Assert.Equal("APPROVED", template.GetProperty("status").GetString());
        Assert.Equal("insufficient_scope", (await again.WithKey(scopedKey).PostAsync("/v1/templates", Templates.Valid("other"))).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.WithKey(revokedKey).GetAsync("/v1/templates")).Status);

        var contact = await adminAgain.ExpectAsync(HttpMethod.Get, "/v1/contacts/4915111111111", HttpStatusCode.OK);
        Assert.Equal(["opt_in", "opt_out_marketing"], contact.GetProperty("consent_history").EnumerateArray().Select(change => change.GetProperty("kind").GetString()));
        var optedOut = await adminAgain.ExpectAsync(HttpMethod.Get, "/v1/contacts/opted-out", HttpStatusCode.OK);
        Assert.Equal("4915111111111", optedOut.GetProperty("data")[0].GetProperty("wa_id").GetString());

        var erased = await adminAgain.ExpectAsync(HttpMethod.Get, "/v1/contacts/4915122222222", HttpStatusCode.OK);
        Assert.True(erased.GetProperty("opted_out").GetBoolean());
        Assert.Equal(0, erased.GetProperty("consent_history").GetArrayLength());

        var keys = await adminAgain.ExpectAsync(HttpMethod.Get, "/v1/api-keys", HttpStatusCode.OK);
        Assert.All(keys.GetProperty("data").EnumerateArray().Where(key => key.GetProperty("name").GetString() == "reader"),
            key => Assert.Equal(JsonValueKind.String, key.GetProperty("last_used_at").ValueKind));

        var audit = await again.ExpectAsync(HttpMethod.Get, $"/partner/v1/tenants/{tenantId}/audit", HttpStatusCode.OK);
        Assert.Equal("tenant.resumed", audit.GetProperty("data")[0].GetProperty("action").GetString());
        Assert.Contains(audit.GetProperty("data").EnumerateArray(), entry => entry.GetProperty("action").GetString() == "template.created");
    }
}
