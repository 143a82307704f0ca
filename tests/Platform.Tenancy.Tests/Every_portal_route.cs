using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Tenancy.Tests;

/// <summary>
/// Walks every portal route: with tenant A's key against tenant B's ids (404, never B's data), and with keys that lack the
/// route's scope (403 insufficient_scope).
/// </summary>
[Collection(TenancyPlatformGroup.Name)]
public sealed class Every_portal_route(TenancyPlatform platform)
{
    private static readonly string[] NonAdminScopes =
        ["messages:send", "messages:read", "templates:read", "templates:write", "webhooks:write", "contacts:read", "contacts:write", "numbers:write", "media:write", "usage:read"];

    [Fact]
    public void Should_be_in_the_walk_list_so_no_route_escapes_the_isolation_and_scope_tests()
    {
        var hosted = platform.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/v1/", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => $"{method} {endpoint.RoutePattern.RawText!.TrimEnd('/')}"))
            .Order()
            .ToList();

        Assert.Equal(hosted, PortalRoutes.All.Select(route => route.ToString()).Order());
    }

    [Fact]
    public async Task Should_name_and_summarise_every_tenancy_route_in_the_openapi_document()
    {
        var document = JsonDocument.Parse(await platform.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Route: $"{operation.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}", Operation: operation.Value)))
            .ToDictionary(pair => pair.Route, pair => pair.Operation);
        string[] partner =
        [
            "POST /partner/v1/tenants", "GET /partner/v1/tenants", "GET /partner/v1/tenants/{id}", "PATCH /partner/v1/tenants/{id}",
            "POST /partner/v1/tenants/{id}/suspend", "POST /partner/v1/tenants/{id}/resume", "POST /partner/v1/tenants/{id}/close",
            "POST /partner/v1/tenants/{id}/api-keys", "GET /partner/v1/tenants/{id}/api-keys", "DELETE /partner/v1/tenants/{id}/api-keys/{keyId}",
            "GET /partner/v1/tenants/{id}/audit", "POST /partner/v1/tenants/{id}/phone-numbers",
            "POST /partner/v1/tenants/{id}/phone-numbers/embedded-signup", "GET /partner/v1/tenants/{id}/phone-numbers",
        ];

        foreach (var route in partner.Concat(PortalRoutes.All.Select(route => route.ToString())))
        {
            Assert.True(operations.TryGetValue(route, out var operation), $"{route} is not in the OpenAPI document");
            Assert.True(operation.TryGetProperty("operationId", out _) && operation.TryGetProperty("summary", out _), $"{route} has no name or summary");
        }
    }

    [Theory]
    [InlineData("/v1/templates", "post", "201")]
    [InlineData("/v1/api-keys", "post", "201")]
    [InlineData("/partner/v1/tenants/{id}/suspend", "post", "200")]
    [InlineData("/v1/contacts/{wa_id}/opt-in", "post", "200")]
    [InlineData("/v1/settings/privacy", "put", "200")]
    [InlineData("/v1/settings/messaging", "put", "200")]
    public async Task Should_show_request_and_answer_examples_in_the_openapi_document(string path, string method, string status)
    {
        var document = JsonDocument.Parse(await platform.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.Equal(JsonValueKind.Object, operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").ValueKind);
        Assert.Equal(JsonValueKind.Object, operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("example").ValueKind);
    }

    [Fact]
    public async Task Should_answer_404_to_tenant_A_for_every_id_of_tenant_B()
    {
        var (a, b) = await TwoTenantsAsync();

        foreach (var route in PortalRoutes.WithOurIds)
        {
            var response = await a.Admin.SendAsync(new HttpMethod(route.Method), route.Path(b), route.Body ?? (route.Method is "GET" or "DELETE" ? null : new { }));
            Assert.True(response.Status == HttpStatusCode.NotFound && response.Code == "not_found", $"{route}: {(int)response.Status} {response.Body}");
        }
    }

    [Fact]
    public async Task Should_never_show_tenant_A_anything_of_tenant_B_in_lists_or_by_customer()
    {
        var (a, b) = await TwoTenantsAsync();
        var secrets = new[] { b.NumberId, b.PhoneNumberId, b.TemplateId, b.KeyId, b.MessageId, b.WebhookId, b.MediaId };

        foreach (var route in PortalRoutes.All.Where(route => route.Method == "GET" && !route.Template.Contains("{id}", StringComparison.Ordinal)))
        {
            var response = await a.Admin.GetAsync(route.Path(b));
            Assert.True(response.Status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{route}: {(int)response.Status} {response.Body}");
            Assert.DoesNotContain(secrets, secret => response.Body.Contains(secret, StringComparison.Ordinal));
        }

        var contact = await a.Admin.ExpectAsync(HttpMethod.Get, $"/v1/contacts/{b.Customer}", HttpStatusCode.OK);
        Assert.False(contact.GetProperty("opted_in").GetBoolean());
        Assert.Equal(0, contact.GetProperty("consent_history").GetArrayLength());
    }

    [Fact]
    public async Task Should_refuse_a_key_without_the_route_scope_with_insufficient_scope()
    {
        var (a, b) = await TwoTenantsAsync();
        var failures = new List<string>();

        foreach (var route in PortalRoutes.All.Where(route => route.Scope is not null))
        {
            var lacking = await a.KeyWithAsync([.. NonAdminScopes.Where(scope => scope != route.Scope)]);
            var response = await lacking.SendAsync(new HttpMethod(route.Method), route.Path(b), route.Method is "GET" or "DELETE" ? null : route.Body ?? new { });
            if (response.Status != HttpStatusCode.Forbidden || response.Code != "insufficient_scope"
                || response.Json.GetProperty("required_scope").GetString() != route.Scope)
            {
                failures.Add($"{route}: {(int)response.Status} {response.Body}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Should_let_a_key_with_exactly_the_route_scope_past_the_scope_check()
    {
        var (a, b) = await TwoTenantsAsync();
        var failures = new List<string>();

        foreach (var route in PortalRoutes.All)
        {
            var key = await a.KeyWithAsync(route.Scope ?? "media:write");
            var response = await key.SendAsync(new HttpMethod(route.Method), route.Path(b), route.Method is "GET" or "DELETE" ? null : route.Body ?? new { });
            if (response.Status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
            {
                failures.Add($"{route}: {(int)response.Status} {response.Body}");
            }
        }

        Assert.Empty(failures);
    }

    private async Task<(TestTenant A, OtherTenant B)> TwoTenantsAsync()
    {
        var a = await platform.CreateTenantAsync("Tenant A");
        var b = await platform.CreateTenantAsync("Tenant B");
        var (numberId, phoneNumberId) = await b.AddSandboxNumberAsync();
        var templateId = await b.AddTemplateAsync();
        var mediaId = await b.AddMediaAsync();
        var key = await b.Admin.ExpectAsync(HttpMethod.Post, "/v1/api-keys", HttpStatusCode.Created, new { name = "b", scopes = new[] { "messages:read" } });
        var webhook = await b.Admin.ExpectAsync(HttpMethod.Post, "/v1/webhook-endpoints", HttpStatusCode.Created, new { url = "http://127.0.0.1:9/hook" });
        var customer = "4915123456789";
        await b.Admin.ExpectAsync(HttpMethod.Post, "/v1/sandbox/inbound", HttpStatusCode.Accepted, new { phone_number_id = phoneNumberId, from = customer, text = "hello" });
        await b.Admin.ExpectAsync(HttpMethod.Post, $"/v1/contacts/{customer}/opt-in", HttpStatusCode.OK, new { source = "shop", proof = "ticked the box" });
        var messages = await Platform.Testing.Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var list = await b.Admin.ExpectAsync(HttpMethod.Get, "/v1/messages", HttpStatusCode.OK);
            return list.GetProperty("data").GetArrayLength() > 0 ? list : null;
        });
        return (a, new OtherTenant(
            numberId, phoneNumberId, templateId, key.GetProperty("id").GetString()!, messages.GetProperty("data")[0].GetProperty("id").GetString()!,
            webhook.GetProperty("id").GetString()!, customer, mediaId));
    }
}
