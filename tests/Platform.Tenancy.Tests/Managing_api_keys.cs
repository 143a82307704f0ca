using System.Net;
using System.Text.Json;

namespace Platform.Tenancy.Tests;

/// <summary>A tenant's admin key issues, lists, revokes and rotates the tenant's keys.</summary>
[Collection(TenancyPlatformGroup.Name)]
public sealed class Managing_api_keys(TenancyPlatform platform)
{
    [Fact]
    public async Task Should_issue_a_key_with_its_scopes_and_show_the_secret_once()
    {
        var tenant = await platform.CreateTenantAsync();

        var created = await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/api-keys", HttpStatusCode.Created,
            new { name = "reporting", scopes = new[] { "messages:read", "templates:read" } });
        var id = created.GetProperty("id").GetString()!;
        var secret = created.GetProperty("key").GetString()!;
        await tenant.Admin.WithKey(secret).ExpectAsync(HttpMethod.Get, "/v1/templates", HttpStatusCode.OK);

        var list = await tenant.Admin.SendAsync(HttpMethod.Get, "/v1/api-keys");
        var listed = list.Json.GetProperty("data").EnumerateArray().Single(key => key.GetProperty("id").GetString() == id);

        Assert.Matches("^sk_[0-9A-Z]{26}_[0-9a-f]{64}$", secret);
        Assert.StartsWith(listed.GetProperty("prefix").GetString()!, secret);
        Assert.Equal("reporting", listed.GetProperty("name").GetString());
        Assert.Equal(["messages:read", "templates:read"], listed.GetProperty("scopes").EnumerateArray().Select(scope => scope.GetString()));
        Assert.Equal(JsonValueKind.String, listed.GetProperty("last_used_at").ValueKind);
        Assert.True(listed.GetProperty("active").GetBoolean());
        Assert.DoesNotContain(secret[^64..], list.Body);
    }

    [Fact]
    public async Task Should_give_the_operator_issued_first_key_the_admin_scope()
    {
        var tenant = await platform.CreateTenantAsync();

        var list = await tenant.Admin.ExpectAsync(HttpMethod.Get, "/v1/api-keys", HttpStatusCode.OK);

        Assert.Equal(["admin"], list.GetProperty("data")[0].GetProperty("scopes").EnumerateArray().Select(scope => scope.GetString()));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("[\"messages:send\", \"everything\"]")]
    public async Task Should_refuse_a_key_without_known_scopes(string scopes)
    {
        var tenant = await platform.CreateTenantAsync();

        var response = await tenant.Admin.SendAsync(HttpMethod.Post, "/v1/api-keys", $"{{\"name\":\"x\",\"scopes\":{scopes}}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["scopes"], response.Json.GetProperty("errors").EnumerateObject().Select(error => error.Name));
    }

    [Fact]
    public async Task Should_stop_a_revoked_key_at_once()
    {
        var tenant = await platform.CreateTenantAsync();
        var created = await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/api-keys", HttpStatusCode.Created, new { name = "ci", scopes = new[] { "templates:read" } });
        var key = tenant.Admin.WithKey(created.GetProperty("key").GetString());
        await key.ExpectAsync(HttpMethod.Get, "/v1/templates", HttpStatusCode.OK);

        var revoked = await tenant.Admin.ExpectAsync(HttpMethod.Delete, $"/v1/api-keys/{created.GetProperty("id").GetString()}", HttpStatusCode.OK);

        Assert.False(revoked.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await key.GetAsync("/v1/templates")).Status);
    }

    [Fact]
    public async Task Should_keep_a_rotated_key_working_for_its_grace_period_only()
    {
        var tenant = await platform.CreateTenantAsync();
        var created = await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/api-keys", HttpStatusCode.Created, new { name = "app", scopes = new[] { "templates:read" } });
        var oldKey = tenant.Admin.WithKey(created.GetProperty("key").GetString());
        var id = created.GetProperty("id").GetString()!;

        var rotated = await tenant.Admin.ExpectAsync(HttpMethod.Post, $"/v1/api-keys/{id}/rotate", HttpStatusCode.Created, new { grace_period_seconds = 3600 });
        var newKey = tenant.Admin.WithKey(rotated.GetProperty("key").GetString());

        Assert.Equal("app", rotated.GetProperty("name").GetString());
        Assert.Equal(["templates:read"], rotated.GetProperty("scopes").EnumerateArray().Select(scope => scope.GetString()));
        await oldKey.ExpectAsync(HttpMethod.Get, "/v1/templates", HttpStatusCode.OK);
        await newKey.ExpectAsync(HttpMethod.Get, "/v1/templates", HttpStatusCode.OK);


        // Revoking the old key ends its grace at once; the successor keeps working.
        await tenant.Admin.ExpectAsync(HttpMethod.Delete, $"/v1/api-keys/{id}", HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldKey.GetAsync("/v1/templates")).Status);
        await newKey.ExpectAsync(HttpMethod.Get, "/v1/templates", HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_stop_a_key_rotated_without_grace_at_once()
    {
        var tenant = await platform.CreateTenantAsync();
        var created = await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/api-keys", HttpStatusCode.Created, new { name = "app", scopes = new[] { "templates:read" } });

        var rotated = await tenant.Admin.ExpectAsync(
            HttpMethod.Post, $"/v1/api-keys/{created.GetProperty("id").GetString()}/rotate", HttpStatusCode.Created, new { grace_period_seconds = 0 });

        Assert.Equal(HttpStatusCode.Unauthorized, (await tenant.Admin.WithKey(created.GetProperty("key").GetString()).GetAsync("/v1/templates")).Status);
        await tenant.Admin.WithKey(rotated.GetProperty("key").GetString()).ExpectAsync(HttpMethod.Get, "/v1/templates", HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_let_the_operator_list_a_tenants_keys_and_revoke_one_that_leaked()
    {
        var tenant = await platform.CreateTenantAsync();
        var created = await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/api-keys", HttpStatusCode.Created, new { name = "leaked", scopes = new[] { "templates:read" } });
        var id = created.GetProperty("id").GetString();

        var listed = await platform.Operator.ExpectAsync(HttpMethod.Get, $"/partner/v1/tenants/{tenant.Id}/api-keys", HttpStatusCode.OK);
        await platform.Operator.ExpectAsync(HttpMethod.Delete, $"/partner/v1/tenants/{tenant.Id}/api-keys/{id}", HttpStatusCode.OK);

        Assert.Equal(["admin", "leaked"], listed.GetProperty("data").EnumerateArray().Select(key => key.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await tenant.Admin.WithKey(created.GetProperty("key").GetString()).GetAsync("/v1/templates")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Operator.DeleteAsync($"/partner/v1/tenants/{tenant.Id}/api-keys/key_01M8A5T70MNEAQ5JKYB14XE2Q7")).Status);
    }

    [Fact]
    public async Task Should_page_the_key_list_with_a_cursor()
    {
        var tenant = await platform.CreateTenantAsync();
        for (var i = 0; i < 3; i++)
        {
            await tenant.KeyWithAsync("messages:read");
        }

        var first = await tenant.Admin.ExpectAsync(HttpMethod.Get, "/v1/api-keys?limit=3", HttpStatusCode.OK);
        var second = await tenant.Admin.ExpectAsync(HttpMethod.Get, $"/v1/api-keys?limit=3&cursor={first.GetProperty("next_cursor").GetString()}", HttpStatusCode.OK);

        Assert.Equal(3, first.GetProperty("data").GetArrayLength());
        Assert.Equal(1, second.GetProperty("data").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
    }
}
