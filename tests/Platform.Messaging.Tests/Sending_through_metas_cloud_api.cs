using System.Net;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>Cloud API numbers against the fake Graph API: token, path and shape, Meta's answers and each error code's outcome.</summary>
[Collection(MessagingPlatformGroup.Name)]
public sealed class Sending_through_metas_cloud_api(MessagingPlatform platform)
{
    [Fact]
    public async Task Should_post_metas_body_with_the_numbers_token_and_record_the_wamid()
    {
        var (tenant, number, customer) = await OpenConversationAsync();

        var id = await tenant.SendAcceptedAsync(new { from = number, to = customer, type = "text", text = new { body = "Your table is ready.", preview_url = false } });

        var sent = await tenant.WaitForStatusAsync(id, "sent");
        var request = Assert.Single(platform.Graph.SentTo(customer));
        Assert.Equal(number, request.PhoneNumberId);
        Assert.Equal("whatsapp", request.Body.GetProperty("messaging_product").GetString());
        Assert.Equal("individual", request.Body.GetProperty("recipient_type").GetString());
        Assert.Equal("text", request.Body.GetProperty("type").GetString());
        Assert.Equal("Your table is ready.", request.Body.GetProperty("text").GetProperty("body").GetString());
        Assert.Equal(id, request.Body.GetProperty("biz_opaque_callback_data").GetString());
        Assert.StartsWith("wamid.FAKE", sent.GetProperty("wamid").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(131047)]
    [InlineData(131026)]
    [InlineData(131049)]
    [InlineData(131051)]
    [InlineData(132000)]
    [InlineData(132001)]
    [InlineData(132015)]
    [InlineData(132016)]
    [InlineData(190)]
    [InlineData(368)]
    [InlineData(131031)]
    [InlineData(131042)]
    public async Task Should_fail_for_good_on_a_permanent_error_with_metas_code_and_a_reason(int code)
    {
        var (tenant, number, customer) = await OpenConversationAsync();
        platform.Graph.Fail(customer, code);

        var id = await tenant.SendAcceptedAsync(Templates.Text(number, customer, "Hello"));

        var failed = await tenant.WaitForStatusAsync(id, "failed");
        Assert.Equal(code, failed.GetProperty("error").GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(failed.GetProperty("error").GetProperty("title").GetString()));
        Assert.Empty(platform.Graph.SentTo(customer));
    }

    [Theory]
    [InlineData(130429, 400)]
    [InlineData(131056, 400)]
    [InlineData(131000, 500)]
    [InlineData(0, 503)]
    public async Task Should_retry_a_rate_limit_or_outage_and_send_once_it_clears(int code, int status)
    {
        var (tenant, number, customer) = await OpenConversationAsync();
        platform.Graph.Fail(customer, code, status, times: 2);

        var id = await tenant.SendAcceptedAsync(Templates.Text(number, customer, "Hello"));

        await tenant.WaitForStatusAsync(id, "sent");
        Assert.Single(platform.Graph.SentTo(customer));
    }

    [Fact]
    public async Task Should_fail_with_metas_last_error_when_the_retries_run_out()
    {
        var (tenant, number, customer) = await OpenConversationAsync();
        platform.Graph.Fail(customer, 130429, times: 10);

        var id = await tenant.SendAcceptedAsync(Templates.Text(number, customer, "Hello"));

        var failed = await tenant.WaitForStatusAsync(id, "failed");
        Assert.Equal(130429, failed.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_opt_the_customer_out_of_marketing_when_meta_says_they_stopped_it()
    {
        var (tenant, number, customer) = await OpenConversationAsync();
        await tenant.OptInAsync(customer);
        await platform.AddTemplateAsync(tenant, "weekend_offer", "MARKETING", Templates.OfferComponents);
        await platform.AddTemplateAsync(tenant, "order_shipped", "UTILITY", Templates.ShippingComponents);
        platform.Graph.Fail(customer, 131050);

        var id = await tenant.SendAcceptedAsync(Templates.Offer(number, customer, "weekend_offer"));

        var failed = await tenant.WaitForStatusAsync(id, "failed");
        Assert.Equal(131050, failed.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("opted_out", await tenant.RefusalAsync(Templates.Offer(number, customer, "weekend_offer")));
        await tenant.SendAcceptedAsync(Templates.Shipping(number, customer));
    }

    [Fact]
    public async Task Should_find_the_window_under_metas_wa_id_when_a_brazilian_number_is_written_with_the_ninth_digit()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await platform.AddCloudNumberAsync(tenant);
        var local = Random.Shared.Next(1000_0000, 9999_9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var waId = "5511" + local;
        await platform.CustomerWritesAsync(tenant, number, waId, "Oi");

        var id = await tenant.SendAcceptedAsync(Templates.Text(number, "+55 11 9" + local, "Olá!"));

        var sent = await tenant.WaitForStatusAsync(id, "sent");
        Assert.Equal(waId, sent.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Should_learn_metas_wa_id_for_a_mexican_number_from_its_answer()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await platform.AddCloudNumberAsync(tenant);
        var local = Random.Shared.NextInt64(55_0000_0000, 55_9999_9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        platform.Graph.MapWaId("52" + local, "521" + local);
        await tenant.OptInAsync("52" + local);
        await platform.AddTemplateAsync(tenant, "order_shipped", "UTILITY", Templates.ShippingComponents);
        await tenant.WaitForStatusAsync(await tenant.SendAcceptedAsync(Templates.Shipping(number, "+52 " + local)), "sent");

        await platform.CustomerWritesAsync(tenant, number, "521" + local, "Hola");
        var id = await tenant.SendAcceptedAsync(Templates.Text(number, "+52 " + local, "¡Hola!"));

        var sent = await tenant.WaitForStatusAsync(id, "sent");
        Assert.Equal("521" + local, sent.GetProperty("to").GetString());
    }

    [Fact]
    public async Task Should_send_messages_to_one_customer_in_the_order_they_were_accepted()
    {
        var (tenant, number, customer) = await OpenConversationAsync();
        platform.Graph.Fail(customer, 130429);
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await tenant.SendAcceptedAsync(Templates.Text(number, customer, $"Part {i}")));
        }

        foreach (var id in ids)
        {
            await tenant.WaitForStatusAsync(id, "sent");
        }

        Assert.Equal(
            Enumerable.Range(0, 8).Select(i => $"Part {i}"),
            platform.Graph.SentTo(customer).Select(request => request.Body.GetProperty("text").GetProperty("body").GetString()));
    }

    private async Task<(Tenant Tenant, string Number, string Customer)> OpenConversationAsync()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await platform.AddCloudNumberAsync(tenant);
        var customer = Scenario.NewCustomer();
        await platform.CustomerWritesAsync(tenant, number, customer, "Hello");
        return (tenant, number, customer);
    }
}
