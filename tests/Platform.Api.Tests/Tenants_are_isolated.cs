using System.Net;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>A tenant sees only its own data, and every API answers an unknown caller with 401.</summary>
[Collection(EmbeddedPlatformGroup.Name)]
public sealed class Tenants_are_isolated(EmbeddedPlatform platform)
{
    [Fact]
    public async Task Should_answer_404_when_a_tenant_reads_another_tenants_message()
    {
        var owner = await Onboarding.CreateTenantAsync(platform.Operator, "Owner");
        var number = await owner.AddSandboxNumberAsync();
        await owner.AddWebhookAsync(platform.Webhooks.Url);
        var inbound = await owner.Client.PostAsync("/v1/sandbox/inbound", new { phone_number_id = number, from = "15551234567", text = "hi" }, HttpStatusCode.Accepted);
        var received = await platform.Webhooks.WaitForAsync(webhook =>
            webhook.Type == "message.received"
            && webhook.Data.GetProperty("message").GetProperty("wamid").GetString() == inbound.GetProperty("wamid").GetString());
        var messageId = received.Data.GetProperty("message").GetProperty("id").GetString();

        var other = await Onboarding.CreateTenantAsync(platform.Operator, "Other");
        var problem = await other.Client.GetAsync($"/v1/messages/{messageId}", HttpStatusCode.NotFound);

        Assert.Equal("not_found", problem.GetProperty("code").GetString());
        await owner.Client.GetAsync($"/v1/messages/{messageId}", HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_not_let_a_tenant_send_from_another_tenants_number()
    {
        var owner = await Onboarding.CreateTenantAsync(platform.Operator, "Owner");
        var number = await owner.AddSandboxNumberAsync();
        var other = await Onboarding.CreateTenantAsync(platform.Operator, "Other");

        var send = await other.Client.PostAsync("/v1/messages", new { from = number, to = "15551234567", type = "text", text = new { body = "hi" } });
        var inbound = await other.Client.PostAsync("/v1/sandbox/inbound", new { phone_number_id = number, from = "15551234567", text = "hi" });

        Assert.Equal("phone_number_unavailable", (await PlatformClient.ExpectAsync(send, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        Assert.Equal("phone_number_unavailable", (await PlatformClient.ExpectAsync(inbound, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Should_refuse_a_phone_number_another_tenant_holds_with_phone_number_taken()
    {
        var owner = await Onboarding.CreateTenantAsync(platform.Operator, "Owner");
        var number = await owner.AddSandboxNumberAsync();
        var other = await Onboarding.CreateTenantAsync(platform.Operator, "Other");

        var problem = await other.Client.PostAsync(
            "/v1/phone-numbers", new { phone_number_id = number, display_phone_number = "+1 555 0100", channel = "sandbox" }, HttpStatusCode.Conflict);

        Assert.Equal("phone_number_taken", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sk_01M8A5T70MNEAQ5JKYB14XE2Q7_706b94694abc706fb429f819e3ba4af35b7d21f1079c688b20f62e5ec29b25bb")]
    [InlineData("not-a-key")]
    [InlineData(EmbeddedPlatform.OperatorKey)]
    public async Task Should_answer_401_on_the_portal_api_without_a_valid_tenant_key(string? key)
    {
        var caller = platform.Anonymous.WithKey(key);

        foreach (var response in new[]
        {
            await caller.GetAsync("/v1/messages/msg_01M8A5T87M2D2DDR0EMH93P8WN"),
            await caller.PostAsync("/v1/messages", new { from = "1", to = "15551234567", type = "text", text = new { body = "hi" } }),
            await caller.PostAsync("/v1/phone-numbers", new { phone_number_id = "1", display_phone_number = "1", channel = "sandbox" }),
        })
        {
            var problem = await PlatformClient.ExpectAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal("unauthorized", problem.GetProperty("code").GetString());
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task Should_answer_401_on_the_partner_api_to_a_tenant_key()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);

        var problem = await tenant.Client.PostAsync("/partner/v1/tenants", new { name = "Mine now" }, HttpStatusCode.Unauthorized);

        Assert.Equal("unauthorized", problem.GetProperty("code").GetString());
    }
}
