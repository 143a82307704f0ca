using System.Net;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>WhatsApp's rules on a sandbox number, through the public API: window, consent, opt-out, templates.</summary>
[Collection(MessagingPlatformGroup.Name)]
public sealed class Sending_within_whatsapps_rules(MessagingPlatform platform)
{
    private static readonly string[] GermanStop = ["Schluss"];

    [Fact]
    public async Task Should_require_an_opt_in_before_a_template_and_send_it_once_recorded()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await platform.AddTemplateAsync(tenant, "order_shipped", "UTILITY", Templates.ShippingComponents);

        Assert.Equal("consent_required", await tenant.RefusalAsync(Templates.Shipping(number, customer)));

        await tenant.OptInAsync(customer);
        var id = await tenant.SendAcceptedAsync(Templates.Shipping(number, customer));

        var read = await tenant.WaitForStatusAsync(id, "read");
        Assert.Equal("template", read.GetProperty("type").GetString());
        Assert.Equal("order_shipped", read.GetProperty("template").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Should_refuse_a_template_that_is_not_approved_or_does_not_exist()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await tenant.OptInAsync(customer);
        await platform.AddTemplateAsync(tenant, "order_paused", "UTILITY", Templates.ShippingComponents, status: "PAUSED");

        Assert.Equal("template_not_approved", await tenant.RefusalAsync(Templates.Shipping(number, customer, "order_paused")));
        Assert.Equal("template_not_approved", await tenant.RefusalAsync(Templates.Shipping(number, customer, "no_such_template")));
    }

    [Fact]
    public async Task Should_refuse_parameters_that_do_not_match_the_placeholders()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await tenant.OptInAsync(customer);
        await platform.AddTemplateAsync(tenant, "order_shipped", "UTILITY", Templates.ShippingComponents);

        var response = await tenant.Client.PostAsync("/v1/messages", Templates.Offer(number, customer, "order_shipped"));

        var problem = await PlatformClient.ExpectAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("template_parameters", problem.GetProperty("code").GetString());
        Assert.Contains("expects 2 body parameter(s); the request gives 1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_use_a_template_created_through_the_portal_once_it_is_approved()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await tenant.OptInAsync(customer);
        var template = await tenant.Client.PostAsync(
            "/v1/templates",
            new { name = "order_shipped", language = "en_US", category = "UTILITY", components = System.Text.Json.JsonDocument.Parse(Templates.ShippingComponents).RootElement },
            HttpStatusCode.Created);
        await Eventually.GetValueAsync(async () =>
            (await tenant.Client.GetAsync($"/v1/templates/{template.GetProperty("id").GetString()}", HttpStatusCode.OK)).GetProperty("status").GetString() == "APPROVED" ? true : (bool?)null);

        var id = await tenant.SendAcceptedAsync(Templates.Shipping(number, customer));

        await tenant.WaitForStatusAsync(id, "read");
    }

    [Fact]
    public async Task Should_opt_out_on_stop_reply_once_and_allow_answers_only_after_the_customer_writes_again()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await tenant.OptInAsync(customer);
        await platform.AddTemplateAsync(tenant, "order_shipped", "UTILITY", Templates.ShippingComponents);

        await platform.CustomerWritesAsync(tenant, number, customer, "  Arrêt ! ");

        Assert.Equal("opted_out", await tenant.RefusalAsync(Templates.Shipping(number, customer)));
        Assert.Equal("opted_out", await tenant.RefusalAsync(Templates.Text(number, customer, "Are you sure?")));
        var contact = await tenant.Client.GetAsync($"/v1/contacts/{customer}", HttpStatusCode.OK);
        Assert.Contains("keyword", contact.GetRawText(), StringComparison.Ordinal);
        var replies = await Eventually.GetValueAsync(async () =>
        {
            var page = await tenant.Client.GetAsync($"/v1/messages?customer={customer}&direction=outbound", HttpStatusCode.OK);
            var data = page.GetProperty("data");
            return data.GetArrayLength() > 0 && data[0].GetProperty("status").GetString() == "read" ? data : (System.Text.Json.JsonElement?)null;
        });
        Assert.Equal(1, replies.GetArrayLength());
        Assert.StartsWith("You have been unsubscribed", replies[0].GetProperty("text").GetProperty("body").GetString(), StringComparison.Ordinal);

        await platform.CustomerWritesAsync(tenant, number, customer, "Where is my parcel though?");

        await tenant.SendAcceptedAsync(Templates.Text(number, customer, "It arrives tomorrow."));
        Assert.Equal("opted_out", await tenant.RefusalAsync(Templates.Shipping(number, customer)));
    }

    [Fact]
    public async Task Should_opt_back_in_on_start()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await platform.AddTemplateAsync(tenant, "order_shipped", "UTILITY", Templates.ShippingComponents);
        await platform.CustomerWritesAsync(tenant, number, customer, "STOP");

        await platform.CustomerWritesAsync(tenant, number, customer, "start");

        await tenant.SendAcceptedAsync(Templates.Shipping(number, customer));
    }

    [Fact]
    public async Task Should_block_only_marketing_templates_after_a_marketing_opt_out()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await tenant.OptInAsync(customer);
        await platform.AddTemplateAsync(tenant, "order_shipped", "UTILITY", Templates.ShippingComponents);
        await platform.AddTemplateAsync(tenant, "weekend_offer", "MARKETING", Templates.OfferComponents);
        await tenant.Client.PostAsync($"/v1/contacts/{customer}/opt-out", new { scope = "marketing" }, HttpStatusCode.OK);

        Assert.Equal("opted_out", await tenant.RefusalAsync(Templates.Offer(number, customer, "weekend_offer")));
        await tenant.SendAcceptedAsync(Templates.Shipping(number, customer));
    }

    [Fact]
    public async Task Should_use_the_tenants_own_keywords_and_reply()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await tenant.OptInAsync(customer);
        await platform.AddTemplateAsync(tenant, "order_shipped", "UTILITY", Templates.ShippingComponents);
        var settings = await platform.PutAsync(tenant, "/v1/settings/messaging", new { stop_keywords = GermanStop, stop_reply = "Abgemeldet." });
        Assert.Equal(["Schluss"], settings.GetProperty("stop_keywords").EnumerateArray().Select(keyword => keyword.GetString()));

        await platform.CustomerWritesAsync(tenant, number, customer, "STOP");
        await tenant.SendAcceptedAsync(Templates.Shipping(number, customer));

        await platform.CustomerWritesAsync(tenant, number, customer, "schluss");
        Assert.Equal("opted_out", await tenant.RefusalAsync(Templates.Shipping(number, customer)));
    }

    [Fact]
    public async Task Should_count_a_first_message_as_opt_in_only_when_the_tenant_says_so()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var before = Scenario.NewCustomer();
        var after = Scenario.NewCustomer();
        await platform.AddTemplateAsync(tenant, "order_shipped", "UTILITY", Templates.ShippingComponents);
        await platform.CustomerWritesAsync(tenant, number, before, "Hello");
        Assert.Equal("consent_required", await tenant.RefusalAsync(Templates.Shipping(number, before)));

        await platform.PutAsync(tenant, "/v1/settings/messaging", new { opt_in_on_first_message = true });
        await platform.CustomerWritesAsync(tenant, number, after, "Hello");

        await tenant.SendAcceptedAsync(Templates.Shipping(number, after));
    }

    [Fact]
    public async Task Should_say_when_the_window_closed_for_free_form_messages()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();

        var problem = await PlatformClient.ExpectAsync(
            await tenant.Client.PostAsync("/v1/messages", Templates.Text(number, Scenario.NewCustomer(), "Hello")), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("window_closed", problem.GetProperty("code").GetString());
        Assert.True(problem.TryGetProperty("window_closed_at", out _));
    }
}
