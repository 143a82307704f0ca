using System.Net;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>An update for a phone_number_id no tenant holds is kept for the operator, once, and can be replayed later.</summary>
[Collection(InboundPlatformGroup.Name)]
public sealed class Updates_for_unknown_numbers(InboundPlatform platform)
{
    [Fact]
    public async Task Should_be_listed_once_for_the_operator_and_replayed_once_a_tenant_holds_the_number()
    {
        var number = MetaWebhook.NewPhoneNumberId();
        var wamid = MetaWebhook.NewWamid();
        var body = MetaWebhook.Messages(number, [MetaWebhook.Text(wamid, "anyone there?")]);

        Assert.Equal(HttpStatusCode.OK, (await MetaWebhook.PostAsync(platform.Meta, body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MetaWebhook.PostAsync(platform.Meta, body)).StatusCode);

        var letter = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var page = await platform.Operator.GetAsync("/partner/v1/dead-letters/inbound", HttpStatusCode.OK);
            var letters = page.GetProperty("data").EnumerateArray().Where(letter => letter.GetProperty("phone_number_id").GetString() == number).ToList();
            return letters.Count > 0 ? letters[0] : null;
        });
        Assert.Equal("inbound_update", letter.GetProperty("kind").GetString());
        Assert.Contains(number, letter.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(wamid, letter.GetProperty("payload").GetProperty("messages")[0].GetProperty("wamid").GetString());
        var all = await platform.Operator.GetAsync("/partner/v1/dead-letters/inbound", HttpStatusCode.OK);
        Assert.Single(all.GetProperty("data").EnumerateArray(), other => other.GetProperty("phone_number_id").GetString() == number);

        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        await tenant.Client.PostAsync("/v1/phone-numbers", new { phone_number_id = number, display_phone_number = "+1 555 0100", channel = "sandbox" }, HttpStatusCode.Created);
        var url = platform.Receiver.Endpoint();
        await tenant.AddWebhookAsync(url);
        await platform.Operator.PostAsync($"/partner/v1/dead-letters/inbound/{letter.GetProperty("id").GetString()}/replay", new { }, HttpStatusCode.Accepted);

        var received = await platform.Receiver.WaitForAsync(url, requests => requests.Any(request => request.Body.Contains(wamid, StringComparison.Ordinal)));
        Assert.Equal("anyone there?", received[0].Json.GetProperty("data").GetProperty("message").GetProperty("text").GetProperty("body").GetString());
        var after = await platform.Operator.GetAsync("/partner/v1/dead-letters/inbound", HttpStatusCode.OK);
        Assert.DoesNotContain(after.GetProperty("data").EnumerateArray(), other => other.GetProperty("phone_number_id").GetString() == number);
    }

    [Fact]
    public async Task Should_be_listed_only_for_the_operator()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);

        var response = await tenant.Client.GetAsync("/partner/v1/dead-letters/inbound");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
