using System.Net;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Tenancy.Tests;

/// <summary>
/// A tenant erases a customer on their request: what they wrote, what was sent to them and their number leave the history
/// and the conversation; what billing needs (ids, types, statuses) stays, and other customers are untouched.
/// </summary>
[Collection(TenancyPlatformGroup.Name)]
public sealed class Erasing_a_customer(TenancyPlatform platform)
{
    private const string Customer = "4915111111111";
    private const string Neighbour = "4915122222222";

    [Fact]
    public async Task Should_remove_their_message_bodies_and_number_from_the_history_and_close_their_window()
    {
        var tenant = await platform.CreateTenantAsync();
        var (_, phoneNumberId) = await tenant.AddSandboxNumberAsync();
        await WriteAsync(tenant, phoneNumberId, Customer, "Please deliver to Hauptstrasse 1");
        await WriteAsync(tenant, phoneNumberId, Neighbour, "Where is my parcel?");
        var reply = await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/messages", HttpStatusCode.Accepted,
            new { from = phoneNumberId, to = Customer, type = "text", text = new { body = "We will deliver to Hauptstrasse 1 tomorrow" } });
        var replyId = reply.GetProperty("id").GetString()!;
        var history = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var page = await tenant.Admin.ExpectAsync(HttpMethod.Get, $"/v1/messages?customer={Customer}", HttpStatusCode.OK);
            return page.GetProperty("data").GetArrayLength() == 2 ? page : null;
        });
        var customerMessageIds = history.GetProperty("data").EnumerateArray().Select(message => message.GetProperty("id").GetString()!).ToList();

        await tenant.Admin.ExpectAsync(HttpMethod.Delete, $"/v1/contacts/{Customer}", HttpStatusCode.NoContent);

        var remaining = await tenant.Admin.ExpectAsync(HttpMethod.Get, $"/v1/messages?customer={Customer}", HttpStatusCode.OK);
        Assert.Equal(0, remaining.GetProperty("data").GetArrayLength());
        foreach (var id in customerMessageIds)
        {
            var message = await tenant.Admin.GetAsync($"/v1/messages/{id}");
            Assert.Equal(HttpStatusCode.OK, message.Status);
            Assert.DoesNotContain("Hauptstrasse", message.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(Customer, message.Body, StringComparison.Ordinal);
            Assert.True(message.Json.TryGetProperty("redacted_at", out _), message.Body);
            Assert.Equal("text", message.Json.GetProperty("type").GetString());
        }

        Assert.Contains(replyId, customerMessageIds);
        var conversation = await tenant.Admin.ExpectAsync(HttpMethod.Get, $"/v1/conversations/{Customer}?phone_number_id={phoneNumberId}", HttpStatusCode.OK);
        Assert.False(conversation.GetProperty("window_open").GetBoolean());
        Assert.Equal(0, conversation.GetProperty("recent_messages").GetArrayLength());
        var refused = await tenant.Admin.PostAsync("/v1/messages", new { from = phoneNumberId, to = Customer, type = "text", text = new { body = "Still there?" } });
        Assert.Equal("window_closed", refused.Code);

        var neighbour = await tenant.Admin.ExpectAsync(HttpMethod.Get, $"/v1/messages?customer={Neighbour}", HttpStatusCode.OK);
        Assert.Equal("Where is my parcel?", neighbour.GetProperty("data")[0].GetProperty("text").GetProperty("body").GetString());
    }

    [Fact]
    public async Task Should_erase_the_same_customer_again_without_error()
    {
        var tenant = await platform.CreateTenantAsync();
        var (_, phoneNumberId) = await tenant.AddSandboxNumberAsync();
        await WriteAsync(tenant, phoneNumberId, Customer, "hello");

        await tenant.Admin.ExpectAsync(HttpMethod.Delete, $"/v1/contacts/{Customer}", HttpStatusCode.NoContent);
        await tenant.Admin.ExpectAsync(HttpMethod.Delete, $"/v1/contacts/{Customer}", HttpStatusCode.NoContent);

        var remaining = await tenant.Admin.ExpectAsync(HttpMethod.Get, "/v1/messages", HttpStatusCode.OK);
        Assert.DoesNotContain(Customer, remaining.GetRawText(), StringComparison.Ordinal);
    }

    private static async Task WriteAsync(TestTenant tenant, string phoneNumberId, string from, string text)
    {
        await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/sandbox/inbound", HttpStatusCode.Accepted, new { phone_number_id = phoneNumberId, from, text });
        await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var page = await tenant.Admin.ExpectAsync(HttpMethod.Get, $"/v1/messages?customer={from}&direction=inbound", HttpStatusCode.OK);
            return page.GetRawText().Contains(text, StringComparison.Ordinal) ? page : null;
        });
    }
}
