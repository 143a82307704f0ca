using System.Net;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>GET /v1/messages (filters and cursor paging, newest first) and GET /v1/conversations/{wa_id}.</summary>
[Collection(MessagingPlatformGroup.Name)]
public sealed class Reading_the_history(MessagingPlatform platform)
{
    [Fact]
    public async Task Should_page_a_customers_messages_newest_first_with_a_cursor()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await platform.CustomerWritesAsync(tenant, number, customer, "Hello");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await tenant.SendAcceptedAsync(Templates.Text(number, customer, $"Reply {i}")));
        }

        var first = await tenant.Client.GetAsync($"/v1/messages?customer={customer}&direction=outbound&limit=3", HttpStatusCode.OK);
        var second = await tenant.Client.GetAsync($"/v1/messages?customer={customer}&direction=outbound&limit=3&cursor={first.GetProperty("next_cursor").GetString()}", HttpStatusCode.OK);

        // Newest first by id (ULIDs: creation time to the millisecond; ids of the same millisecond have no order among
        // themselves), so both pages together hold every message once, the first page the newest.
        var listed = first.GetProperty("data").EnumerateArray().Concat(second.GetProperty("data").EnumerateArray())
            .Select(message => message.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(3, first.GetProperty("data").GetArrayLength());
        Assert.Equal(listed.Select(id => id[..14]).OrderDescending(StringComparer.Ordinal), listed.Select(id => id[..14]));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task Should_filter_by_direction_status_number_and_time()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var otherNumber = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);
        await platform.CustomerWritesAsync(tenant, number, customer, "Hello");
        await platform.CustomerWritesAsync(tenant, otherNumber, customer, "Hello again");
        var reply = await tenant.SendAcceptedAsync(Templates.Text(number, customer, "Hi"));
        await tenant.WaitForStatusAsync(reply, "read");

        var inbound = await tenant.Client.GetAsync($"/v1/messages?customer=%2B{customer}&direction=inbound", HttpStatusCode.OK);
        var read = await tenant.Client.GetAsync($"/v1/messages?status=read&phone_number_id={number}", HttpStatusCode.OK);
        var since = await tenant.Client.GetAsync($"/v1/messages?created_after={Uri.EscapeDataString(start.ToString("O"))}&phone_number_id={otherNumber}", HttpStatusCode.OK);
        var before = await tenant.Client.GetAsync($"/v1/messages?created_before={Uri.EscapeDataString(start.ToString("O"))}", HttpStatusCode.OK);

        Assert.Equal(2, inbound.GetProperty("data").GetArrayLength());
        Assert.Equal(reply, Assert.Single(read.GetProperty("data").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("Hello again", Assert.Single(since.GetProperty("data").EnumerateArray()).GetProperty("text").GetProperty("body").GetString());
        Assert.Equal(0, before.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Should_refuse_filters_it_cannot_apply()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);

        var problem = await tenant.Client.GetAsync("/v1/messages?direction=sideways&status=lost&cursor=abc&limit=1000", HttpStatusCode.BadRequest);

        Assert.Equal(["cursor", "direction", "limit", "status"], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order());
    }

    [Fact]
    public async Task Should_show_the_window_consent_and_recent_messages_of_a_conversation()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await tenant.OptInAsync(customer);
        await platform.CustomerWritesAsync(tenant, number, customer, "Hello");

        var conversation = await tenant.Client.GetAsync($"/v1/conversations/{customer}", HttpStatusCode.OK);

        Assert.Equal(number, conversation.GetProperty("phone_number_id").GetString());
        Assert.True(conversation.GetProperty("window_open").GetBoolean());
        var until = conversation.GetProperty("window_open_until").GetDateTimeOffset();
        Assert.Equal(conversation.GetProperty("last_customer_message_at").GetDateTimeOffset().AddHours(24), until);
        Assert.True(conversation.GetProperty("consent").GetProperty("opted_in").GetBoolean());
        Assert.Equal("Hello", conversation.GetProperty("recent_messages")[0].GetProperty("text").GetProperty("body").GetString());
    }

    [Fact]
    public async Task Should_show_a_closed_window_for_a_number_the_customer_never_wrote_to()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();

        var conversation = await tenant.Client.GetAsync($"/v1/conversations/{customer}?phone_number_id={number}", HttpStatusCode.OK);
        var unknown = await tenant.Client.GetAsync($"/v1/conversations/{customer}");

        Assert.False(conversation.GetProperty("window_open").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
