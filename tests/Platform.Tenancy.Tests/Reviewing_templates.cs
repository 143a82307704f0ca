using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Inbound;
using Platform.Testing;

namespace Platform.Tenancy.Tests;

/// <summary>Templates checked against Meta's rules, approved by the sandbox or reviewed by Meta.</summary>
[Collection(TenancyPlatformGroup.Name)]
public sealed class Reviewing_templates(TenancyPlatform platform)
{
    [Fact]
    public async Task Should_approve_a_sandbox_template_after_a_short_delay()
    {
        var tenant = await platform.CreateTenantAsync();

        var created = await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/templates", HttpStatusCode.Created, Templates.Valid());
        var id = created.GetProperty("id").GetString()!;
        var approved = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var template = await tenant.Admin.ExpectAsync(HttpMethod.Get, $"/v1/templates/{id}", HttpStatusCode.OK);
            return template.GetProperty("status").GetString() == "APPROVED" ? template : null;
        }, TimeSpan.FromSeconds(10));

        Assert.Equal("PENDING", created.GetProperty("status").GetString());
        Assert.Equal("order_update", approved.GetProperty("name").GetString());
        Assert.Equal("Hi {{1}}, your order {{2}} ships today.", approved.GetProperty("components")[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Should_submit_a_cloud_api_template_to_meta_and_apply_metas_review()
    {
        var tenant = await platform.CreateTenantAsync();
        var meta = platform.Graph.AddNumber("EAAG-" + Guid.NewGuid().ToString("N"));
        await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/phone-numbers", HttpStatusCode.Created,
            new { phone_number_id = meta.PhoneNumberId, channel = "cloud_api", waba_id = meta.WabaId, access_token = meta.Token, pin = meta.Pin });
        var name = "shipping_" + Guid.NewGuid().ToString("N")[..8];

        var created = await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/templates", HttpStatusCode.Created, Templates.Valid(name, category: "MARKETING"));
        var id = created.GetProperty("id").GetString()!;
        var submitted = platform.Graph.SubmittedTemplates.Single(template => template.GetProperty("name").GetString() == name);
        await platform.Services.GetRequiredService<IBus>().Publish(new TemplateStatusChanged
        {
            WabaId = meta.WabaId,
            TemplateId = created.GetProperty("meta_template_id").GetString()!,
            TemplateName = name,
            Language = "en_US",
            Event = "REJECTED",
            Reason = "INCORRECT_CATEGORY",
            Timestamp = DateTimeOffset.UtcNow,
            Raw = "{}",
        });
        var rejected = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var template = await tenant.Admin.ExpectAsync(HttpMethod.Get, $"/v1/templates/{id}", HttpStatusCode.OK);
            return template.GetProperty("status").GetString() != "PENDING" ? template : null;
        });

        Assert.Equal("PENDING", created.GetProperty("status").GetString());
        Assert.Equal("MARKETING", submitted.GetProperty("category").GetString());
        Assert.Equal(4, submitted.GetProperty("components").GetArrayLength());
        Assert.Equal("REJECTED", rejected.GetProperty("status").GetString());
        Assert.Equal("INCORRECT_CATEGORY", rejected.GetProperty("status_reason").GetString());
    }

    [Fact]
    public async Task Should_keep_no_template_that_meta_did_not_accept()
    {
        var tenant = await platform.CreateTenantAsync();
        var meta = platform.Graph.AddNumber("EAAG-" + Guid.NewGuid().ToString("N"));
        await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/phone-numbers", HttpStatusCode.Created,
            new { phone_number_id = meta.PhoneNumberId, channel = "cloud_api", waba_id = meta.WabaId, access_token = meta.Token, pin = meta.Pin });

        Response refused;
        using (new FakeGraphOutage(platform.Graph))
        {
            refused = await tenant.Admin.PostAsync("/v1/templates", Templates.Valid("flash_sale"));
        }

        var list = await tenant.Admin.ExpectAsync(HttpMethod.Get, "/v1/templates", HttpStatusCode.OK);
        Assert.Equal("meta_unavailable", refused.Code);
        Assert.Equal(0, list.GetProperty("data").GetArrayLength());
        await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/templates", HttpStatusCode.Created, Templates.Valid("flash_sale"));
    }

    [Fact]
    public async Task Should_refuse_a_second_template_with_the_same_name_and_language()
    {
        var tenant = await platform.CreateTenantAsync();
        await tenant.AddTemplateAsync("welcome");

        var response = await tenant.Admin.PostAsync("/v1/templates", Templates.Valid("welcome"));

        Assert.Equal(HttpStatusCode.Conflict, response.Status);
        Assert.Equal("template_exists", response.Code);
    }

    [Fact]
    public async Task Should_list_get_and_delete_templates()
    {
        var tenant = await platform.CreateTenantAsync();
        var first = await tenant.AddTemplateAsync("first_one");
        var second = await tenant.AddTemplateAsync("second_one");

        var list = await tenant.Admin.ExpectAsync(HttpMethod.Get, "/v1/templates", HttpStatusCode.OK);
        await tenant.Admin.ExpectAsync(HttpMethod.Delete, $"/v1/templates/{first}", HttpStatusCode.NoContent);
        var after = await tenant.Admin.ExpectAsync(HttpMethod.Get, "/v1/templates", HttpStatusCode.OK);

        Assert.Equal([first, second], list.GetProperty("data").EnumerateArray().Select(template => template.GetProperty("id").GetString()));
        Assert.Equal([second], after.GetProperty("data").EnumerateArray().Select(template => template.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync($"/v1/templates/{first}")).Status);
        await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/templates", HttpStatusCode.Created, Templates.Valid("first_one"));
    }

    public static TheoryData<string, string> BrokenTemplates => new()
    {
        { """{"name":"Bad Name","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Hi"}]}""", "name" },
        { """{"name":"ok","language":"english","category":"UTILITY","components":[{"type":"BODY","text":"Hi"}]}""", "language" },
        { """{"name":"ok","language":"en","category":"PROMO","components":[{"type":"BODY","text":"Hi"}]}""", "category" },
        { """{"name":"ok","language":"en","category":"UTILITY","components":[]}""", "components" },
        { """{"name":"ok","language":"en","category":"UTILITY","components":[{"type":"FOOTER","text":"x"}]}""", "components" },
        { """{"name":"ok","language":"en","category":"UTILITY","components":[{"type":"BODY","text":"Hi {{1}} and {{3}}","example":{"body_text":[["a","b"]]}}]}""", "components[0].text" },
        { """{"name":"ok","language":"en","category":"UTILITY","components":[{"type":"BODY","text":"Hi {{1}} and {{2}}"}]}""", "components[0].example" },
        { """{"name":"ok","language":"en","category":"UTILITY","components":[{"type":"BODY","text":"Hi {{name}}"}]}""", "components[0].text" },
        { """{"name":"ok","language":"en","category":"UTILITY","components":[{"type":"BODY","text":"Hi"},{"type":"BODY","text":"again"}]}""", "components[1].type" },
        { """{"name":"ok","language":"en","category":"UTILITY","components":[{"type":"HEADER","format":"GIF"},{"type":"BODY","text":"Hi"}]}""", "components[0].format" },
        { """{"name":"ok","language":"en","category":"UTILITY","components":[{"type":"BODY","text":"Hi"},{"type":"FOOTER","text":"Bye {{1}}"}]}""", "components[1].text" },
        { """{"name":"ok","language":"en","category":"UTILITY","components":[{"type":"BODY","text":"Hi"},{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"This button text is far too long"}]}]}""", "components[1].buttons[0].text" },
    };

    [Theory]
    [MemberData(nameof(BrokenTemplates))]
    public async Task Should_refuse_a_template_that_breaks_metas_rules_naming_the_field(string body, string field)
    {
        var tenant = await platform.CreateTenantAsync();

        var response = await tenant.Admin.SendAsync(HttpMethod.Post, "/v1/templates", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal([field], response.Json.GetProperty("errors").EnumerateObject().Select(error => error.Name));
    }
}
