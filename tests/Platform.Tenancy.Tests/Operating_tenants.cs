using System.Net;
using System.Text.Json;

namespace Platform.Tenancy.Tests;

/// <summary>The operator onboards, lists, edits, suspends, resumes and closes tenants through the partner API.</summary>
[Collection(TenancyPlatformGroup.Name)]
public sealed class Operating_tenants(TenancyPlatform platform)
{
    [Fact]
    public async Task Should_create_a_tenant_with_its_details_and_update_them()
    {
        var reference = "crm-" + Guid.NewGuid().ToString("N");
        var created = await platform.Operator.ExpectAsync(HttpMethod.Post, "/partner/v1/tenants", HttpStatusCode.Created,
            new { name = "Acme GmbH", contact_email = "ops@acme.example", country = "de", external_reference = reference });
        var id = created.GetProperty("id").GetString()!;

        var updated = await platform.Operator.ExpectAsync(HttpMethod.Patch, $"/partner/v1/tenants/{id}", HttpStatusCode.OK,
            new { name = "Acme AG", country = "AT" });
        var read = await platform.Operator.ExpectAsync(HttpMethod.Get, $"/partner/v1/tenants/{id}", HttpStatusCode.OK);

        Assert.Equal("DE", created.GetProperty("country").GetString());
        Assert.Equal("active", created.GetProperty("status").GetString());
        Assert.Equal(updated.GetRawText(), read.GetRawText());
        Assert.Equal("Acme AG", read.GetProperty("name").GetString());
        Assert.Equal("AT", read.GetProperty("country").GetString());
        Assert.Equal("ops@acme.example", read.GetProperty("contact_email").GetString());
        Assert.Equal(reference, read.GetProperty("external_reference").GetString());
    }

    [Fact]
    public async Task Should_refuse_bad_details_naming_each_field()
    {
        var response = await platform.Operator.PostAsync("/partner/v1/tenants",
            new { name = "", contact_email = "not an address", country = "Germany", external_reference = new string('x', 201) });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["contact_email", "country", "external_reference", "name"],
            response.Json.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order());
    }

    [Fact]
    public async Task Should_list_tenants_a_page_at_a_time_filtered_by_external_reference_and_status()
    {
        var reference = "batch-" + Guid.NewGuid().ToString("N");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var tenant = await platform.Operator.ExpectAsync(HttpMethod.Post, "/partner/v1/tenants", HttpStatusCode.Created,
                new { name = $"Batch {i}", external_reference = reference });
            ids.Add(tenant.GetProperty("id").GetString()!);
        }

        await platform.Operator.ExpectAsync(HttpMethod.Post, $"/partner/v1/tenants/{ids[1]}/suspend", HttpStatusCode.OK, new { reason = "unpaid invoice" });

        var first = await platform.Operator.ExpectAsync(HttpMethod.Get, $"/partner/v1/tenants?external_reference={reference}&limit=2", HttpStatusCode.OK);
        var cursor = first.GetProperty("next_cursor").GetString();
        var second = await platform.Operator.ExpectAsync(HttpMethod.Get, $"/partner/v1/tenants?external_reference={reference}&limit=2&cursor={cursor}", HttpStatusCode.OK);
        var suspended = await platform.Operator.ExpectAsync(HttpMethod.Get, $"/partner/v1/tenants?external_reference={reference}&status=suspended", HttpStatusCode.OK);

        Assert.Equal(ids, Ids(first).Concat(Ids(second)));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        Assert.Equal([ids[1]], Ids(suspended));
    }

    [Fact]
    public async Task Should_stop_every_write_of_a_suspended_tenant_with_the_reason_and_keep_its_reads()
    {
        var tenant = await platform.CreateTenantAsync();
        var (numberId, phoneNumberId) = await tenant.AddSandboxNumberAsync();

        await platform.Operator.ExpectAsync(HttpMethod.Post, $"/partner/v1/tenants/{tenant.Id}/suspend", HttpStatusCode.OK, new { reason = "Unpaid invoice INV-7" });

        var writes = new[]
        {
            await tenant.Admin.PostAsync("/v1/messages", new { from = phoneNumberId, to = "15551234567", type = "text", text = new { body = "hi" } }),
            await tenant.Admin.PostAsync("/v1/templates", Templates.Valid()),
            await tenant.Admin.PostAsync("/v1/contacts/15551234567/opt-in", new { source = "form", proof = "ticked" }),
            await tenant.Admin.PostAsync("/v1/api-keys", new { name = "more", scopes = new[] { "admin" } }),
            await tenant.Admin.DeleteAsync("/v1/contacts/15551234567"),
        };
        foreach (var write in writes)
        {
            Assert.Equal(HttpStatusCode.Forbidden, write.Status);
            Assert.Equal("tenant_suspended", write.Code);
            Assert.Equal("Unpaid invoice INV-7", write.Json.GetProperty("reason").GetString());
        }

        await tenant.Admin.ExpectAsync(HttpMethod.Get, $"/v1/phone-numbers/{numberId}", HttpStatusCode.OK);
        await tenant.Admin.ExpectAsync(HttpMethod.Get, "/v1/api-keys", HttpStatusCode.OK);

        await platform.Operator.ExpectAsync(HttpMethod.Post, $"/partner/v1/tenants/{tenant.Id}/resume", HttpStatusCode.OK);
        await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/contacts/15551234567/opt-in", HttpStatusCode.OK, new { source = "form", proof = "ticked" });
    }

    [Fact]
    public async Task Should_require_a_reason_to_suspend()
    {
        var tenant = await platform.CreateTenantAsync();

        var response = await platform.Operator.PostAsync($"/partner/v1/tenants/{tenant.Id}/suspend", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Should_revoke_every_key_when_a_tenant_closes_and_keep_its_data()
    {
        var tenant = await platform.CreateTenantAsync();
        var second = await tenant.KeyWithAsync("messages:read");
        var (numberId, _) = await tenant.AddSandboxNumberAsync();

        var closed = await platform.Operator.ExpectAsync(HttpMethod.Post, $"/partner/v1/tenants/{tenant.Id}/close", HttpStatusCode.OK);

        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await tenant.Admin.GetAsync("/v1/phone-numbers")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/v1/phone-numbers")).Status);
        Assert.Equal("tenant_closed", (await platform.Operator.PostAsync($"/partner/v1/tenants/{tenant.Id}/resume")).Code);
        Assert.Equal("tenant_closed", (await platform.Operator.PostAsync($"/partner/v1/tenants/{tenant.Id}/api-keys")).Code);
        var numbers = await platform.Operator.ExpectAsync(HttpMethod.Get, $"/partner/v1/tenants/{tenant.Id}/phone-numbers", HttpStatusCode.OK);
        Assert.Equal([numberId], numbers.GetProperty("data").EnumerateArray().Select(number => number.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Should_answer_404_for_a_tenant_that_does_not_exist()
    {
        foreach (var response in new[]
        {
            await platform.Operator.GetAsync("/partner/v1/tenants/ten_01M8A5T70MNEAQ5JKYB14XE2Q7"),
            await platform.Operator.PatchAsync("/partner/v1/tenants/ten_01M8A5T70MNEAQ5JKYB14XE2Q7", new { name = "x" }),
            await platform.Operator.PostAsync("/partner/v1/tenants/ten_01M8A5T70MNEAQ5JKYB14XE2Q7/suspend", new { reason = "x" }),
            await platform.Operator.PostAsync("/partner/v1/tenants/ten_01M8A5T70MNEAQ5JKYB14XE2Q7/resume"),
            await platform.Operator.PostAsync("/partner/v1/tenants/ten_01M8A5T70MNEAQ5JKYB14XE2Q7/close"),
            await platform.Operator.PostAsync("/partner/v1/tenants/ten_01M8A5T70MNEAQ5JKYB14XE2Q7/api-keys"),
            await platform.Operator.GetAsync("/partner/v1/tenants/ten_01M8A5T70MNEAQ5JKYB14XE2Q7/audit"),
            await platform.Operator.GetAsync("/partner/v1/tenants/ten_01M8A5T70MNEAQ5JKYB14XE2Q7/phone-numbers"),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.Status);
            Assert.Equal("not_found", response.Code);
        }
    }

    [Fact]
    public async Task Should_keep_an_audit_log_of_changes_with_who_made_them()
    {
        var tenant = await platform.CreateTenantAsync();
        var key = await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/api-keys", HttpStatusCode.Created, new { name = "ci", scopes = new[] { "messages:send" } });
        await platform.Operator.ExpectAsync(HttpMethod.Post, $"/partner/v1/tenants/{tenant.Id}/suspend", HttpStatusCode.OK, new { reason = "review" });

        var audit = await platform.Operator.ExpectAsync(HttpMethod.Get, $"/partner/v1/tenants/{tenant.Id}/audit", HttpStatusCode.OK);
        var entries = audit.GetProperty("data").EnumerateArray().ToList();

        Assert.Equal(["tenant.suspended", "api_key.created", "api_key.created", "tenant.created"], entries.Select(entry => entry.GetProperty("action").GetString()));
        Assert.Equal("operator", entries[0].GetProperty("actor").GetString());
        Assert.Equal("review", entries[0].GetProperty("detail").GetString());
        Assert.StartsWith("key_", entries[1].GetProperty("actor").GetString());
        Assert.Equal(key.GetProperty("id").GetString(), entries[1].GetProperty("target").GetString());
    }

    [Fact]
    public async Task Should_audit_changes_made_on_routes_of_other_features()
    {
        var tenant = await platform.CreateTenantAsync();

        var endpoint = await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/webhook-endpoints", HttpStatusCode.Created, new { url = "http://127.0.0.1:9/hook" });
        var id = endpoint.GetProperty("id").GetString();
        await tenant.Admin.ExpectAsync(HttpMethod.Delete, $"/v1/webhook-endpoints/{id}", HttpStatusCode.NoContent);
        var audit = await platform.Operator.ExpectAsync(HttpMethod.Get, $"/partner/v1/tenants/{tenant.Id}/audit?limit=2", HttpStatusCode.OK);

        Assert.Equal(["webhook_endpoint.deleted", "webhook_endpoint.created"], audit.GetProperty("data").EnumerateArray().Select(entry => entry.GetProperty("action").GetString()));
        Assert.All(audit.GetProperty("data").EnumerateArray(), entry => Assert.Equal(id, entry.GetProperty("target").GetString()));
    }

    private static IEnumerable<string> Ids(JsonElement page) =>
        page.GetProperty("data").EnumerateArray().Select(tenant => tenant.GetProperty("id").GetString()!);
}
