using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Inbound;
using Platform.Testing;

namespace Platform.Tenancy.Tests;

/// <summary>A tenant records customers' consent, reads it back with its history, lists opt-outs and erases a customer.</summary>
[Collection(TenancyPlatformGroup.Name)]
public sealed class Recording_consent(TenancyPlatform platform)
{
    [Fact]
    public async Task Should_record_opt_in_and_opt_outs_with_their_history()
    {
        var tenant = await platform.CreateTenantAsync();

        await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/contacts/+49 151 2345-6789/opt-in", HttpStatusCode.OK, new { source = "checkout", proof = "Ticked 'Send me order updates on WhatsApp'" });
        await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/contacts/4915123456789/opt-out", HttpStatusCode.OK, new { scope = "marketing" });
        var contact = await tenant.Admin.ExpectAsync(HttpMethod.Get, "/v1/contacts/4915123456789", HttpStatusCode.OK);

        Assert.Equal("4915123456789", contact.GetProperty("wa_id").GetString());
        Assert.True(contact.GetProperty("opted_in").GetBoolean());
        Assert.False(contact.GetProperty("opted_out").GetBoolean());
        Assert.True(contact.GetProperty("marketing_opted_out").GetBoolean());
        var history = contact.GetProperty("consent_history").EnumerateArray().ToList();
        Assert.Equal(["opt_in", "opt_out_marketing"], history.Select(change => change.GetProperty("kind").GetString()));
        Assert.Equal("checkout: Ticked 'Send me order updates on WhatsApp'", history[0].GetProperty("proof").GetString());
        Assert.Equal("api", history[0].GetProperty("source").GetString());
    }

    [Fact]
    public async Task Should_list_opted_out_contacts_and_drop_those_who_opt_back_in()
    {
        var tenant = await platform.CreateTenantAsync();
        await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/contacts/15550000001/opt-out", HttpStatusCode.OK);
        await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/contacts/15550000002/opt-out", HttpStatusCode.OK, new { scope = "marketing" });
        await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/contacts/15550000003/opt-out", HttpStatusCode.OK);
        await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/contacts/15550000003/opt-in", HttpStatusCode.OK, new { source = "call", proof = "asked to rejoin" });

        var first = await tenant.Admin.ExpectAsync(HttpMethod.Get, "/v1/contacts/opted-out?limit=1", HttpStatusCode.OK);
        var rest = await tenant.Admin.ExpectAsync(HttpMethod.Get, $"/v1/contacts/opted-out?limit=1&cursor={first.GetProperty("next_cursor").GetString()}", HttpStatusCode.OK);

        Assert.Equal("15550000001", first.GetProperty("data")[0].GetProperty("wa_id").GetString());
        Assert.True(first.GetProperty("data")[0].GetProperty("opted_out").GetBoolean());
        Assert.Equal("15550000002", rest.GetProperty("data")[0].GetProperty("wa_id").GetString());
        Assert.True(rest.GetProperty("data")[0].GetProperty("marketing_opted_out").GetBoolean());
    }

    [Fact]
    public async Task Should_refuse_an_opt_in_without_source_and_proof()
    {
        var tenant = await platform.CreateTenantAsync();

        var response = await tenant.Admin.PostAsync("/v1/contacts/not-a-number/opt-in", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["proof", "source", "wa_id"], response.Json.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order());
    }

    [Fact]
    public async Task Should_apply_metas_marketing_stop_once_however_often_it_is_delivered()
    {
        var tenant = await platform.CreateTenantAsync();
        var (_, phoneNumberId) = await tenant.AddSandboxNumberAsync();
        var stop = new MarketingPreferenceChanged
        {
            PhoneNumberId = phoneNumberId,
            WaId = "4917000000001",
            Category = "marketing_messages",
            Value = "stop",
            Detail = "User requested to stop marketing messages",
            Timestamp = DateTimeOffset.UtcNow,
            Raw = "{}",
        };
        var bus = platform.Services.GetRequiredService<IBus>();

        await bus.Publish(stop);
        await bus.Publish(stop);
        var contact = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var record = await tenant.Admin.ExpectAsync(HttpMethod.Get, "/v1/contacts/4917000000001", HttpStatusCode.OK);
            return record.GetProperty("marketing_opted_out").GetBoolean() ? record : null;
        });

        Assert.Equal(["opt_out_marketing"], contact.GetProperty("consent_history").EnumerateArray().Select(change => change.GetProperty("kind").GetString()));
        Assert.Equal("meta", contact.GetProperty("consent_history")[0].GetProperty("source").GetString());
        Assert.False(contact.GetProperty("opted_out").GetBoolean());
        var audit = await platform.Operator.ExpectAsync(HttpMethod.Get, $"/partner/v1/tenants/{tenant.Id}/audit", HttpStatusCode.OK);
        var byMeta = audit.GetProperty("data").EnumerateArray().Where(entry => entry.GetProperty("actor").GetString() == "meta").ToList();
        Assert.Equal(["contact.consent_changed"], byMeta.Select(entry => entry.GetProperty("action").GetString()));
        Assert.StartsWith("wa_", byMeta[0].GetProperty("target").GetString());
    }

    [Fact]
    public async Task Should_erase_a_contact_but_keep_their_opt_out_as_a_hash()
    {
        var tenant = await platform.CreateTenantAsync();
        await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/contacts/4915199999999/opt-in", HttpStatusCode.OK, new { source = "form", proof = "yes" });
        await tenant.Admin.ExpectAsync(HttpMethod.Post, "/v1/contacts/4915199999999/opt-out", HttpStatusCode.OK);

        await tenant.Admin.ExpectAsync(HttpMethod.Delete, "/v1/contacts/4915199999999", HttpStatusCode.NoContent);
        var contact = await tenant.Admin.ExpectAsync(HttpMethod.Get, "/v1/contacts/4915199999999", HttpStatusCode.OK);
        var optedOut = await tenant.Admin.GetAsync("/v1/contacts/opted-out");
        var audit = await platform.Operator.GetAsync($"/partner/v1/tenants/{tenant.Id}/audit");

        Assert.True(contact.GetProperty("opted_out").GetBoolean());
        Assert.Equal(0, contact.GetProperty("consent_history").GetArrayLength());
        Assert.DoesNotContain("4915199999999", optedOut.Body);
        Assert.DoesNotContain("4915199999999", audit.Body);
        Assert.Contains("contact.erased", audit.Body);
    }
}
