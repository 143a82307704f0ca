using System.Net;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>
/// A tenant's existing Cloud API code pointed at us: Meta's documented request examples, Meta's answer and error shapes,
/// a tenant key as the token.
/// </summary>
[Collection(MessagingPlatformGroup.Name)]
public sealed class Using_the_cloud_api_compatible_endpoint(MessagingPlatform platform)
{
    [Fact]
    public async Task Should_answer_metas_send_shape_with_our_message_id()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await platform.CustomerWritesAsync(tenant, number, customer, "Hello");

        // Meta's documented text message example.
        var response = await platform.PostJsonAsync(tenant.Key, $"/cloud/v23.0/{number}/messages", $$"""
            {
              "messaging_product": "whatsapp",
              "recipient_type": "individual",
              "to": "+{{customer}}",
              "type": "text",
              "text": { "preview_url": true, "body": "As requested, here's the link to our latest product: https://www.meta.com/quest/quest-3/" }
            }
            """);

        var sent = await PlatformClient.ExpectAsync(response, HttpStatusCode.OK);
        Assert.Equal("whatsapp", sent.GetProperty("messaging_product").GetString());
        Assert.Equal("+" + customer, sent.GetProperty("contacts")[0].GetProperty("input").GetString());
        Assert.Equal(customer, sent.GetProperty("contacts")[0].GetProperty("wa_id").GetString());
        var id = sent.GetProperty("messages")[0].GetProperty("id").GetString()!;
        Assert.StartsWith("msg_", id, StringComparison.Ordinal);
        await tenant.WaitForStatusAsync(id, "read");
    }

    [Fact]
    public async Task Should_answer_a_closed_window_with_metas_131047()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();

        var response = await platform.PostJsonAsync(tenant.Key, $"/cloud/v23.0/{number}/messages",
            """{"messaging_product":"whatsapp","to":"4915112345678","type":"text","text":{"body":"Hi"}}""");

        var error = (await PlatformClient.ExpectAsync(response, HttpStatusCode.BadRequest)).GetProperty("error");
        Assert.Equal(131047, error.GetProperty("code").GetInt32());
        Assert.Equal("OAuthException", error.GetProperty("type").GetString());
        Assert.StartsWith("(#131047)", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("window_closed", error.GetProperty("error_data").GetProperty("details").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_a_bad_token_with_401_and_code_190()
    {
        var response = await platform.PostJsonAsync("sk_not_a_key", "/cloud/v23.0/123/messages",
            """{"messaging_product":"whatsapp","to":"4915112345678","type":"text","text":{"body":"Hi"}}""");

        var error = (await PlatformClient.ExpectAsync(response, HttpStatusCode.Unauthorized)).GetProperty("error");
        Assert.Equal(190, error.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_answer_a_malformed_message_with_code_100_naming_the_field()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();

        var response = await platform.PostJsonAsync(tenant.Key, $"/cloud/v23.0/{number}/messages",
            """{"messaging_product":"whatsapp","to":"4915112345678","type":"image","image":{"caption":"no file"}}""");

        var error = (await PlatformClient.ExpectAsync(response, HttpStatusCode.BadRequest)).GetProperty("error");
        Assert.Equal(100, error.GetProperty("code").GetInt32());
        Assert.StartsWith("image:", error.GetProperty("error_data").GetProperty("details").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_send_metas_template_example_through_the_same_rules()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await platform.AddTemplateAsync(tenant, "order_shipped", "UTILITY", Templates.ShippingComponents);
        var body = $$$"""
            {"messaging_product":"whatsapp","to":"{{{customer}}}","type":"template",
             "template":{"name":"order_shipped","language":{"code":"en_US"},
               "components":[{"type":"body","parameters":[{"type":"text","text":"Ada"},{"type":"text","text":"#1042"}]}]}}
            """;

        var refused = (await PlatformClient.ExpectAsync(await platform.PostJsonAsync(tenant.Key, $"/cloud/v23.0/{number}/messages", body), HttpStatusCode.BadRequest)).GetProperty("error");
        Assert.StartsWith("consent_required", refused.GetProperty("error_data").GetProperty("details").GetString(), StringComparison.Ordinal);

        await tenant.OptInAsync(customer);
        await PlatformClient.ExpectAsync(await platform.PostJsonAsync(tenant.Key, $"/cloud/v23.0/{number}/messages", body), HttpStatusCode.OK);
    }
}
