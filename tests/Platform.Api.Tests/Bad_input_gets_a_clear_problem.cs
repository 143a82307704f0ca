using System.Net;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>Bad requests get a 400 problem detail that names what is wrong, never a 500.</summary>
[Collection(EmbeddedPlatformGroup.Name)]
public sealed class Bad_input_gets_a_clear_problem(EmbeddedPlatform platform)
{
    [Theory]
    [InlineData("{\"from\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"from\": 42, \"to\": {}}")]
    [InlineData("")]
    public async Task Should_answer_400_invalid_request_to_a_body_that_is_not_the_right_json(string body)
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);

        var response = await tenant.Client.PostRawAsync("/v1/messages", body);

        var problem = await PlatformClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_request", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("Platform.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_name_every_invalid_field_of_a_message()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);

        var problem = await tenant.Client.PostAsync("/v1/messages", new { to = "call me", type = "text", text = new { body = "" } }, HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal(["from", "text.body", "to"], errors.EnumerateObject().Select(error => error.Name).Order());
    }

    [Fact]
    public async Task Should_refuse_a_message_type_it_does_not_know()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();

        var problem = await tenant.Client.PostAsync("/v1/messages", new { from = number, to = "15551234567", type = "hologram" }, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("type", out _));
    }

    [Fact]
    public async Task Should_refuse_a_text_longer_than_whatsapp_allows()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();

        var problem = await tenant.Client.PostAsync(
            "/v1/messages", new { from = number, to = "15551234567", type = "text", text = new { body = new string('a', 4097) } }, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("text.body", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/hook")]
    [InlineData("https://user:password@example.com/hook")]
    public async Task Should_refuse_a_webhook_url_it_cannot_deliver_to(string url)
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);

        var problem = await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url }, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _));
    }

    [Fact]
    public async Task Should_refuse_a_phone_number_with_an_unknown_channel_and_no_id()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);

        var problem = await tenant.Client.PostAsync("/v1/phone-numbers", new { display_phone_number = "+1 555 0100", channel = "carrier-pigeon" }, HttpStatusCode.BadRequest);

        Assert.Equal(["channel", "phone_number_id"], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order());
    }

    [Fact]
    public async Task Should_refuse_a_tenant_without_a_name_and_keys_for_a_tenant_that_does_not_exist()
    {
        await platform.Operator.PostAsync("/partner/v1/tenants", new { name = "  " }, HttpStatusCode.BadRequest);

        var problem = await platform.Operator.PostAsync("/partner/v1/tenants/ten_missing/api-keys", new { }, HttpStatusCode.NotFound);

        Assert.Equal("not_found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Should_answer_an_unknown_route_with_a_404_problem()
    {
        var response = await platform.Anonymous.GetAsync("/v1/nothing-here");

        var problem = await PlatformClient.ExpectAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("not_found", problem.GetProperty("code").GetString());
    }
}
