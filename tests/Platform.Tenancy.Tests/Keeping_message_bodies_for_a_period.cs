using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Conversations;
using Platform.Testing;

namespace Platform.Tenancy.Tests;

/// <summary>A tenant sets how long message bodies are kept; older bodies leave the history, the messages themselves stay.</summary>
[Collection(TenancyPlatformGroup.Name)]
public sealed class Keeping_message_bodies_for_a_period(TenancyPlatform platform)
{
    [Fact]
    public async Task Should_remove_bodies_older_than_the_retention_period_and_keep_newer_ones()
    {
        var tenant = await platform.CreateTenantAsync();
        var (_, phoneNumberId) = await tenant.AddSandboxNumberAsync();
        var old = await ReceiveAsync(tenant, phoneNumberId, "4915133333333", "My card number ends in 4242", DateTimeOffset.UtcNow.AddDays(-40));
        var recent = await ReceiveAsync(tenant, phoneNumberId, "4915133333333", "Thanks, all good", DateTimeOffset.UtcNow.AddDays(-2));

        var settings = await tenant.Admin.ExpectAsync(HttpMethod.Put, "/v1/settings/privacy", HttpStatusCode.OK, new { message_retention_days = 30 });

        Assert.Equal(30, settings.GetProperty("message_retention_days").GetInt32());
        var erased = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var message = await tenant.Admin.ExpectAsync(HttpMethod.Get, $"/v1/messages/{old}", HttpStatusCode.OK);
            return message.TryGetProperty("redacted_at", out _) ? message : null;
        });
        Assert.DoesNotContain("4242", erased.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("4915133333333", erased.GetProperty("from").GetString());
        var kept = await tenant.Admin.ExpectAsync(HttpMethod.Get, $"/v1/messages/{recent}", HttpStatusCode.OK);
        Assert.Equal("Thanks, all good", kept.GetProperty("text").GetProperty("body").GetString());
        Assert.False(kept.TryGetProperty("redacted_at", out _));
        var read = await tenant.Admin.ExpectAsync(HttpMethod.Get, "/v1/settings/privacy", HttpStatusCode.OK);
        Assert.Equal(30, read.GetProperty("message_retention_days").GetInt32());
    }

    [Fact]
    public async Task Should_refuse_a_period_outside_one_day_to_ten_years()
    {
        var tenant = await platform.CreateTenantAsync();

        var response = await tenant.Admin.SendAsync(HttpMethod.Put, "/v1/settings/privacy", new { message_retention_days = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["message_retention_days"], response.Json.GetProperty("errors").EnumerateObject().Select(error => error.Name));
    }

    [Fact]
    public async Task Should_let_only_an_admin_key_change_the_period()
    {
        var tenant = await platform.CreateTenantAsync();
        var contacts = await tenant.KeyWithAsync("contacts:read", "contacts:write");

        var response = await contacts.SendAsync(HttpMethod.Put, "/v1/settings/privacy", new { message_retention_days = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("insufficient_scope", response.Code);
    }

    // The customer's message as Meta's webhook would bring it, dated in the past: Meta's timestamp dates inbound messages.
    private async Task<string> ReceiveAsync(TestTenant tenant, string phoneNumberId, string from, string text, DateTimeOffset at)
    {
        var wamid = $"wamid.{Guid.NewGuid():N}";
        var grains = platform.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IConversationGrain>(new ConversationKey(tenant.Id, phoneNumberId, from).ToString())
            .ReceiveAsync(new InboundMessage(wamid, "text", JsonSerializer.Serialize(new { body = text }), null, "Kim", at));
        var page = await tenant.Admin.ExpectAsync(HttpMethod.Get, $"/v1/messages?customer={from}", HttpStatusCode.OK);
        return page.GetProperty("data").EnumerateArray()
            .Single(message => message.GetProperty("wamid").GetString() == wamid)
            .GetProperty("id").GetString()!;
    }
}
