using System.Net;
using System.Security.Cryptography;
using System.Text;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>A tenant creates, lists, changes, tests, rotates and deletes its webhook endpoints through the API.</summary>
[Collection(InboundPlatformGroup.Name)]
public sealed class Tenant_manages_webhook_endpoints(InboundPlatform platform)
{
    private static readonly string[] StatusTypes = ["message.status", "template.status"];
    private static readonly string[] UnknownTypes = ["message.exploded"];

    [Fact]
    public async Task Should_create_list_get_update_and_delete_an_endpoint_without_ever_showing_the_secret_again()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var url = platform.Receiver.Endpoint();

        var created = await tenant.Client.PostAsync(
            "/v1/webhook-endpoints", new { url, event_types = StatusTypes, description = "CRM" }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.StartsWith("whe_", id, StringComparison.Ordinal);
        Assert.StartsWith("whsec_", created.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal("platform", created.GetProperty("format").GetString());
        Assert.Equal("enabled", created.GetProperty("status").GetString());

        var list = await tenant.Client.GetAsync("/v1/webhook-endpoints", HttpStatusCode.OK);
        var listed = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetString());
        Assert.Equal(["message.status", "template.status"], listed.GetProperty("event_types").EnumerateArray().Select(type => type.GetString()));
        Assert.False(listed.TryGetProperty("secret", out _));

        var updated = await PlatformClient.ExpectAsync(
            await platform.SendAsync(tenant, HttpMethod.Patch, $"/v1/webhook-endpoints/{id}", new { format = "meta", event_types = Array.Empty<string>(), status = "disabled" }),
            HttpStatusCode.OK);
        Assert.Equal("meta", updated.GetProperty("format").GetString());
        Assert.Equal("disabled", updated.GetProperty("status").GetString());
        Assert.Equal("Disabled by the tenant.", updated.GetProperty("disabled_reason").GetString());
        Assert.Empty(updated.GetProperty("event_types").EnumerateArray());
        Assert.Equal("CRM", (await tenant.Client.GetAsync($"/v1/webhook-endpoints/{id}", HttpStatusCode.OK)).GetProperty("description").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await platform.SendAsync(tenant, HttpMethod.Delete, $"/v1/webhook-endpoints/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Client.GetAsync($"/v1/webhook-endpoints/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(tenant, HttpMethod.Delete, $"/v1/webhook-endpoints/{id}")).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_bad_input_field_by_field()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);

        var response = await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url = "ftp://example.com", event_types = UnknownTypes, format = "xml" });

        var problem = await PlatformClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_request", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("url", out _));
        Assert.True(errors.TryGetProperty("event_types", out _));
        Assert.True(errors.TryGetProperty("format", out _));
    }

    [Fact]
    public async Task Should_not_show_another_tenants_endpoint()
    {
        var owner = await Onboarding.CreateTenantAsync(platform.Operator);
        var other = await Onboarding.CreateTenantAsync(platform.Operator, "Other");
        var created = await owner.Client.PostAsync("/v1/webhook-endpoints", new { url = platform.Receiver.Endpoint() }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/v1/webhook-endpoints/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsync($"/v1/webhook-endpoints/{id}/test", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(other, HttpMethod.Delete, $"/v1/webhook-endpoints/{id}")).StatusCode);
    }

    [Fact]
    public async Task Should_send_a_test_event_and_show_its_attempt_with_status_and_latency()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var url = platform.Receiver.Endpoint();
        var created = await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;

        var test = await tenant.Client.PostAsync($"/v1/webhook-endpoints/{id}/test", new { }, HttpStatusCode.Accepted);

        var requests = await platform.Receiver.WaitForAsync(url, requests => requests.Count >= 1);
        Assert.Equal("webhook.test", requests[0].Type);
        Assert.Equal(test.GetProperty("delivery_id").GetString(), requests[0].DeliveryId);
        Assert.Equal(test.GetProperty("event_id").GetString(), requests[0].Json.GetProperty("id").GetString());
        Assert.True(Signatures.IsValid(new ReceivedWebhook(requests[0].Headers, requests[0].Body, requests[0].Json), created.GetProperty("secret").GetString()!));
        var deliveries = await Eventually.GetValueAsync<System.Text.Json.JsonElement>(async () =>
        {
            var page = await tenant.Client.GetAsync($"/v1/webhook-endpoints/{id}/deliveries", HttpStatusCode.OK);
            return page.GetProperty("data").GetArrayLength() > 0 ? page : null;
        });
        var attempt = deliveries.GetProperty("data")[0];
        Assert.Equal(200, attempt.GetProperty("response_status").GetInt32());
        Assert.Equal("delivered", attempt.GetProperty("outcome").GetString());
        Assert.True(attempt.GetProperty("latency_ms").GetInt64() >= 0);
    }

    [Fact]
    public async Task Should_sign_with_both_secrets_while_one_rotates()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var url = platform.Receiver.Endpoint();
        var created = await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var old = created.GetProperty("secret").GetString()!;

        var rotated = await tenant.Client.PostAsync($"/v1/webhook-endpoints/{id}/rotate-secret", new { expires_in_seconds = 3600 }, HttpStatusCode.OK);
        var fresh = rotated.GetProperty("secret").GetString()!;
        await tenant.Client.PostAsync($"/v1/webhook-endpoints/{id}/test", new { }, HttpStatusCode.Accepted);

        var request = (await platform.Receiver.WaitForAsync(url, requests => requests.Count >= 1))[0];
        var received = new ReceivedWebhook(request.Headers, request.Body, request.Json);
        Assert.Equal(2, request.Headers["Platform-Signature"].Split(',').Count(part => part.StartsWith("v1=", StringComparison.Ordinal)));
        Assert.True(Signatures.IsValid(received, old));
        Assert.True(Signatures.IsValid(received, fresh));
        Assert.False(Signatures.IsValid(received, "whsec_somebody_else"));
        Assert.NotEqual(old, fresh);

        await tenant.Client.PostAsync($"/v1/webhook-endpoints/{id}/rotate-secret", new { expires_in_seconds = 0 }, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.BadRequest, (await tenant.Client.PostAsync($"/v1/webhook-endpoints/{id}/rotate-secret", new { expires_in_seconds = -1 })).StatusCode);
    }

    [Fact]
    public async Task Should_post_metas_own_shape_signed_with_x_hub_signature_to_a_meta_format_endpoint()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var url = platform.Receiver.Endpoint();
        var created = await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url, format = "meta" }, HttpStatusCode.Created);
        var secret = created.GetProperty("secret").GetString()!;
        var wamid = MetaWebhook.NewWamid();

        await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, [MetaWebhook.Text(wamid, "¿Dónde está mi pedido? 📦", timestamp: 1739321024)]));

        var request = (await platform.Receiver.WaitForAsync(url, requests => requests.Count >= 1))[0];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), request.BodyBytes));
        Assert.Equal(expected, request.Headers["X-Hub-Signature-256"]);
        var root = request.Json;
        Assert.Equal("whatsapp_business_account", root.GetProperty("object").GetString());
        var change = root.GetProperty("entry")[0].GetProperty("changes")[0];
        Assert.Equal("messages", change.GetProperty("field").GetString());
        var value = change.GetProperty("value");
        Assert.Equal("whatsapp", value.GetProperty("messaging_product").GetString());
        Assert.Equal(number, value.GetProperty("metadata").GetProperty("phone_number_id").GetString());
        var message = value.GetProperty("messages")[0];
        Assert.Equal(wamid, message.GetProperty("id").GetString());
        Assert.Equal("16315551234", message.GetProperty("from").GetString());
        Assert.Equal("1739321024", message.GetProperty("timestamp").GetString());
        Assert.Equal("text", message.GetProperty("type").GetString());
        Assert.Equal("¿Dónde está mi pedido? 📦", message.GetProperty("text").GetProperty("body").GetString());
    }

    [Fact]
    public async Task Should_post_statuses_in_metas_shape_naming_the_message_by_our_id()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var url = platform.Receiver.Endpoint();
        await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url, format = "meta" }, HttpStatusCode.Created);
        await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, [MetaWebhook.Text(MetaWebhook.NewWamid(), "hi", timestamp: DateTimeOffset.UtcNow.ToUnixTimeSeconds())]));
        await platform.Receiver.WaitForAsync(url, requests => requests.Count >= 1);

        var accepted = await tenant.Client.PostAsync(
            "/v1/messages", new { from = number, to = "+16315551234", type = "text", text = new { body = "On its way." } }, HttpStatusCode.Accepted);
        var id = accepted.GetProperty("id").GetString()!;

        var requests = await platform.Receiver.WaitForAsync(url, requests => requests.Any(request => request.Body.Contains("\"read\"", StringComparison.Ordinal)));
        var status = requests.Select(request => request.Json.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("value"))
            .Where(value => value.TryGetProperty("statuses", out _))
            .Select(value => value.GetProperty("statuses")[0])
            .First(status => status.GetProperty("status").GetString() == "read");
        Assert.Equal(id, status.GetProperty("id").GetString());
        Assert.Equal("16315551234", status.GetProperty("recipient_id").GetString());
        Assert.Matches("^[0-9]+$", status.GetProperty("timestamp").GetString());
    }
}
