using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Inbound;
using Platform.Testing;

namespace Platform.Tenancy.Tests;

/// <summary>Numbers onboarded onto Meta's Cloud API with the business's token, against a fake Graph API that checks what Meta checks.</summary>
[Collection(TenancyPlatformGroup.Name)]
public sealed class Onboarding_cloud_api_numbers(TenancyPlatform platform)
{
    [Fact]
    public async Task Should_check_register_and_subscribe_a_number_and_never_show_its_token()
    {
        var tenant = await platform.CreateTenantAsync();
        var meta = platform.Graph.AddNumber("EAAG-token-" + Guid.NewGuid().ToString("N"));

        var created = await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/phone-numbers", HttpStatusCode.Created,
            new { phone_number_id = meta.PhoneNumberId, channel = "cloud_api", waba_id = meta.WabaId, access_token = meta.Token, pin = meta.Pin });
        var read = await tenant.Admin.GetAsync($"/v1/phone-numbers/{created.GetProperty("id").GetString()}");
        var list = await tenant.Admin.GetAsync("/v1/phone-numbers");

        Assert.Equal(meta.Display, created.GetProperty("display_phone_number").GetString());
        Assert.Equal("Acme Shop", created.GetProperty("verified_name").GetString());
        Assert.Equal("GREEN", created.GetProperty("quality_rating").GetString());
        Assert.Equal(meta.WabaId, created.GetProperty("waba_id").GetString());
        Assert.Equal("cloud_api", read.Json.GetProperty("channel").GetString());
        Assert.Contains($"GET /{FakeGraphApi.Version}/{meta.PhoneNumberId}", platform.Graph.Calls);
        Assert.Contains($"POST /{FakeGraphApi.Version}/{meta.PhoneNumberId}/register", platform.Graph.Calls);
        Assert.Contains($"POST /{FakeGraphApi.Version}/{meta.WabaId}/subscribed_apps", platform.Graph.Calls);
        Assert.DoesNotContain(meta.Token, created.ToString());
        Assert.DoesNotContain(meta.Token, read.Body);
        Assert.DoesNotContain(meta.Token, list.Body);
    }

    [Fact]
    public async Task Should_refuse_a_number_the_token_cannot_read_with_meta_rejected()
    {
        var tenant = await platform.CreateTenantAsync();
        var meta = platform.Graph.AddNumber("EAAG-owner-" + Guid.NewGuid().ToString("N"));

        var response = await tenant.Admin.PostAsync("/v1/phone-numbers",
            new { phone_number_id = meta.PhoneNumberId, channel = "cloud_api", waba_id = meta.WabaId, access_token = "EAAG-someone-else", pin = meta.Pin });
        var numbers = await tenant.Admin.ExpectAsync(HttpMethod.Get, "/v1/phone-numbers", HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.Equal("meta_rejected", response.Code);
        Assert.Equal(100, response.Json.GetProperty("meta_code").GetInt32());
        Assert.Equal(0, numbers.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Should_pass_on_a_wrong_pin_as_meta_rejected_with_metas_code()
    {
        var tenant = await platform.CreateTenantAsync();
        var meta = platform.Graph.AddNumber("EAAG-" + Guid.NewGuid().ToString("N"), pin: "654321");

        var response = await tenant.Admin.PostAsync("/v1/phone-numbers",
            new { phone_number_id = meta.PhoneNumberId, channel = "cloud_api", waba_id = meta.WabaId, access_token = meta.Token, pin = "111111" });

        Assert.Equal("meta_rejected", response.Code);
        Assert.Equal(133005, response.Json.GetProperty("meta_code").GetInt32());
        Assert.Contains("PIN Mismatch", response.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_answer_502_meta_unavailable_while_meta_fails()
    {
        var tenant = await platform.CreateTenantAsync();
        var meta = platform.Graph.AddNumber("EAAG-" + Guid.NewGuid().ToString("N"));
        var outage = new FakeGraphOutage(platform.Graph);

        Response response;
        using (outage)
        {
            response = await tenant.Admin.PostAsync("/v1/phone-numbers",
                new { phone_number_id = meta.PhoneNumberId, channel = "cloud_api", waba_id = meta.WabaId, access_token = meta.Token, pin = meta.Pin });
        }

        Assert.Equal(HttpStatusCode.BadGateway, response.Status);
        Assert.Equal("meta_unavailable", response.Code);
    }

    [Fact]
    public async Task Should_require_the_cloud_api_fields_naming_each()
    {
        var tenant = await platform.CreateTenantAsync();

        var response = await tenant.Admin.PostAsync("/v1/phone-numbers", new { phone_number_id = "123", channel = "cloud_api", pin = "12" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["access_token", "pin", "waba_id"], response.Json.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order());
    }

    [Fact]
    public async Task Should_keep_a_number_with_the_tenant_that_registered_it_first()
    {
        var owner = await platform.CreateTenantAsync("Owner");
        var other = await platform.CreateTenantAsync("Other");
        var meta = platform.Graph.AddNumber("EAAG-" + Guid.NewGuid().ToString("N"));
        var body = new { phone_number_id = meta.PhoneNumberId, channel = "cloud_api", waba_id = meta.WabaId, access_token = meta.Token, pin = meta.Pin };
        await owner.Admin.ExpectAsync(HttpMethod.Post, "/v1/phone-numbers", HttpStatusCode.Created, body);

        var response = await other.Admin.PostAsync("/v1/phone-numbers", body);

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("phone_number_taken", response.Code);
    }

    [Fact]
    public async Task Should_complete_an_embedded_signup_by_exchanging_the_code_for_the_business_token()
    {
        var tenant = await platform.CreateTenantAsync();
        var meta = platform.Graph.AddNumber("EAAG-signup-" + Guid.NewGuid().ToString("N"));
        var code = platform.Graph.AddSignupCode(meta.Token);

        var created = await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/phone-numbers/embedded-signup", HttpStatusCode.Created,
            new { code, waba_id = meta.WabaId, phone_number_id = meta.PhoneNumberId, pin = meta.Pin });
        var reused = await tenant.Admin.PostAsync("/v1/phone-numbers/embedded-signup", new { code, waba_id = meta.WabaId, phone_number_id = meta.PhoneNumberId, pin = meta.Pin });

        Assert.Equal(meta.PhoneNumberId, created.GetProperty("phone_number_id").GetString());
        Assert.Equal("cloud_api", created.GetProperty("channel").GetString());
        Assert.Equal("meta_rejected", reused.Code);
    }

    [Fact]
    public async Task Should_show_metas_quality_event_and_messaging_limit_on_the_number()
    {
        var tenant = await platform.CreateTenantAsync();
        var meta = platform.Graph.AddNumber("EAAG-" + Guid.NewGuid().ToString("N"));
        var created = await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/phone-numbers", HttpStatusCode.Created,
            new { phone_number_id = meta.PhoneNumberId, channel = "cloud_api", waba_id = meta.WabaId, access_token = meta.Token, pin = meta.Pin });

        await platform.Services.GetRequiredService<IBus>().Publish(new PhoneNumberQualityChanged
        {
            WabaId = meta.WabaId,
            DisplayPhoneNumber = new string([.. meta.Display.Where(char.IsAsciiDigit)]),
            Event = "UPGRADE",
            CurrentLimit = "TIER_10K",
            Timestamp = DateTimeOffset.UtcNow,
            Raw = "{}",
        });
        var number = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var read = await tenant.Admin.ExpectAsync(HttpMethod.Get, $"/v1/phone-numbers/{created.GetProperty("id").GetString()}", HttpStatusCode.OK);
            return read.GetProperty("messaging_limit").ValueKind == JsonValueKind.String ? read : null;
        });

        Assert.Equal("TIER_10K", number.GetProperty("messaging_limit").GetString());
        Assert.Equal("UPGRADE", number.GetProperty("quality_event").GetString());
    }

    [Fact]
    public async Task Should_let_the_operator_register_a_number_for_a_tenant()
    {
        var tenant = await platform.CreateTenantAsync();
        var meta = platform.Graph.AddNumber("EAAG-" + Guid.NewGuid().ToString("N"));

        await platform.Operator.ExpectAsync(HttpMethod.Post, $"/partner/v1/tenants/{tenant.Id}/phone-numbers", HttpStatusCode.Created,
            new { phone_number_id = meta.PhoneNumberId, channel = "cloud_api", waba_id = meta.WabaId, access_token = meta.Token, pin = meta.Pin });
        var numbers = await tenant.Admin.ExpectAsync(HttpMethod.Get, "/v1/phone-numbers", HttpStatusCode.OK);

        Assert.Equal([meta.PhoneNumberId], numbers.GetProperty("data").EnumerateArray().Select(number => number.GetProperty("phone_number_id").GetString()));
    }
}
