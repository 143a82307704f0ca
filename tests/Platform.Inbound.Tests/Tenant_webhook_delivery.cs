using System.Net;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>
/// Deliveries to a tenant's endpoint that fails, times out, refuses, is gone, or is slow: retried with backoff under the same
/// delivery id, dead-lettered and replayable, the endpoint disabled with a reason, and other endpoints never held up.
/// </summary>
[Collection(InboundPlatformGroup.Name)]
public sealed class Tenant_webhook_delivery(InboundPlatform platform)
{
    private static readonly TimeSpan Now = TimeSpan.Zero;
    private static readonly string[] ReceivedOnly = ["message.received"];

    [Fact]
    public async Task Should_retry_failures_and_timeouts_with_the_same_delivery_id_until_the_endpoint_recovers()
    {
        var (tenant, number, _) = await SetUpAsync();
        var url = platform.Receiver.Endpoint((500, Now), (503, Now), (200, TimeSpan.FromSeconds(3)), (429, Now));
        var endpointId = await AddEndpointAsync(tenant, url);
        var wamid = await CustomerWritesAsync(number);

        var requests = await platform.Receiver.WaitForAsync(url, requests => requests.Any(request => request.AnsweredStatus == 200 && request.At > requests[0].At + TimeSpan.FromSeconds(1)));

        var attempts = requests.Where(request => request.Body.Contains(wamid, StringComparison.Ordinal)).ToList();
        Assert.Equal([500, 503, 200, 429, 200], attempts.Select(request => request.AnsweredStatus));
        Assert.Single(attempts.Select(request => request.DeliveryId).Distinct());
        for (var i = 1; i < attempts.Count; i++)
        {
            Assert.True(attempts[i].At - attempts[i - 1].At >= TimeSpan.FromMilliseconds(90), "Each retry waits (base 200 ms, jitter down to half).");
        }

        var deliveries = await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var page = await tenant.Client.GetAsync($"/v1/webhook-endpoints/{endpointId}/deliveries", HttpStatusCode.OK);
            return page.GetProperty("data").GetArrayLength() >= 5 ? page : null;
        });
        var recent = deliveries.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal("delivered", recent[0].GetProperty("outcome").GetString());
        Assert.Equal(200, recent[0].GetProperty("response_status").GetInt32());
        Assert.Equal(5, recent[0].GetProperty("attempt").GetInt32());
        Assert.Contains(recent, attempt => attempt.GetProperty("outcome").GetString() == "failed" && attempt.GetProperty("response_status").ValueKind == JsonValueKind.Null);
        Assert.Equal(0, deliveries.GetProperty("pending").GetInt32());
        Assert.Equal(JsonValueKind.Null, deliveries.GetProperty("failing_since").ValueKind);
    }

    [Fact]
    public async Task Should_keep_a_conversations_events_in_order_while_one_of_them_is_retried()
    {
        var (tenant, number, _) = await SetUpAsync();
        var url = platform.Receiver.Endpoint((500, Now), (500, Now));
        await AddEndpointAsync(tenant, url);
        var first = await CustomerWritesAsync(number, "first");
        await platform.Receiver.WaitForAsync(url, requests => requests.Count >= 1);
        // In one POST: Meta does not promise order across POSTs, only the platform's order from here on is tested.
        var (second, third) = (MetaWebhook.NewWamid(), MetaWebhook.NewWamid());
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, [MetaWebhook.Text(second, "second", timestamp: now), MetaWebhook.Text(third, "third", timestamp: now)]));

        var requests = await platform.Receiver.WaitForAsync(url, requests => requests.Count(request => request.AnsweredStatus == 200) >= 3);

        var delivered = requests.Where(request => request.AnsweredStatus == 200).Select(request => request.Body).ToList();
        Assert.Contains(first, delivered[0], StringComparison.Ordinal);
        Assert.Contains(second, delivered[1], StringComparison.Ordinal);
        Assert.Contains(third, delivered[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_give_up_sooner_on_a_refusal_and_list_the_delivery_as_a_dead_letter_that_replays()
    {
        var (tenant, number, _) = await SetUpAsync();
        var url = platform.Receiver.Endpoint((400, Now), (422, Now), (400, Now));
        var endpointId = await AddEndpointAsync(tenant, url);
        var wamid = await CustomerWritesAsync(number);

        var letter = await WaitForDeadLetterAsync(tenant, wamid);

        Assert.Equal(3, platform.Receiver.To(url).Count);
        Assert.Equal(endpointId, letter.GetProperty("endpoint_id").GetString());
        Assert.Equal("message.received", letter.GetProperty("event_type").GetString());
        Assert.Equal(3, letter.GetProperty("attempts").GetInt32());
        Assert.Equal(400, letter.GetProperty("last_response_status").GetInt32());
        Assert.Contains("refused", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(wamid, letter.GetProperty("payload").GetProperty("data").GetProperty("message").GetProperty("wamid").GetString());
        Assert.Equal("enabled", (await tenant.Client.GetAsync($"/v1/webhook-endpoints/{endpointId}", HttpStatusCode.OK)).GetProperty("status").GetString());

        await tenant.Client.PostAsync($"/v1/webhook-dead-letters/{letter.GetProperty("id").GetString()}/replay", new { }, HttpStatusCode.Accepted);

        var requests = await platform.Receiver.WaitForAsync(url, requests => requests.Any(request => request.AnsweredStatus == 200));
        Assert.Equal(letter.GetProperty("id").GetString(), requests.Single(request => request.AnsweredStatus == 200).DeliveryId);
        var page = await tenant.Client.GetAsync("/v1/webhook-dead-letters", HttpStatusCode.OK);
        Assert.Equal(0, page.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Should_disable_an_endpoint_that_answers_410_and_show_the_tenant_why()
    {
        var (tenant, number, _) = await SetUpAsync();
        var url = platform.Receiver.Endpoint((410, Now));
        var endpointId = await AddEndpointAsync(tenant, url);
        var wamid = await CustomerWritesAsync(number);

        var letter = await WaitForDeadLetterAsync(tenant, wamid);

        var endpoint = await tenant.Client.GetAsync($"/v1/webhook-endpoints/{endpointId}", HttpStatusCode.OK);
        Assert.Equal("disabled", endpoint.GetProperty("status").GetString());
        Assert.Equal("The endpoint answered 410 Gone.", endpoint.GetProperty("disabled_reason").GetString());
        Assert.Equal("The endpoint answered 410 Gone.", letter.GetProperty("reason").GetString());
        var replay = await tenant.Client.PostAsync($"/v1/webhook-dead-letters/{letter.GetProperty("id").GetString()}/replay", new { });
        Assert.Equal("webhook_endpoint_disabled", (await PlatformClient.ExpectAsync(replay, HttpStatusCode.Conflict)).GetProperty("code").GetString());

        await PlatformClient.ExpectAsync(
            await platform.SendAsync(tenant, HttpMethod.Patch, $"/v1/webhook-endpoints/{endpointId}", new { status = "enabled" }), HttpStatusCode.OK);
        var bulk = await tenant.Client.PostAsync("/v1/webhook-dead-letters/replay", new { endpoint_id = endpointId }, HttpStatusCode.OK);

        Assert.Equal(1, bulk.GetProperty("replayed").GetInt32());
        var requests = await platform.Receiver.WaitForAsync(url, requests => requests.Any(request => request.AnsweredStatus == 200));
        Assert.Contains(wamid, requests.Single(request => request.AnsweredStatus == 200).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_dead_letter_and_disable_an_endpoint_that_fails_for_the_whole_retry_window()
    {
        var (tenant, number, _) = await SetUpAsync();
        var url = platform.Receiver.Endpoint([.. Enumerable.Repeat((500, Now), 100)]);
        var endpointId = await AddEndpointAsync(tenant, url);
        var wamid = await CustomerWritesAsync(number);

        var letter = await WaitForDeadLetterAsync(tenant, wamid);

        Assert.True(platform.Receiver.To(url).Count >= 4);
        Assert.Equal(500, letter.GetProperty("last_response_status").GetInt32());
        var endpoint = await Eventually.GetValueAsync<JsonElement>(async () =>
            await tenant.Client.GetAsync($"/v1/webhook-endpoints/{endpointId}", HttpStatusCode.OK) is var found && found.GetProperty("status").GetString() == "disabled" ? found : null);
        Assert.StartsWith("Every delivery failed since", endpoint.GetProperty("disabled_reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_deliver_to_a_healthy_endpoint_while_another_endpoint_hangs()
    {
        var (tenant, number, _) = await SetUpAsync();
        var slow = platform.Receiver.Endpoint([.. Enumerable.Repeat((200, TimeSpan.FromSeconds(5)), 20)]);
        var healthy = platform.Receiver.Endpoint();
        await AddEndpointAsync(tenant, slow);
        await AddEndpointAsync(tenant, healthy);

        var started = DateTimeOffset.UtcNow;
        var wamids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            wamids.Add(await CustomerWritesAsync(number, $"message {i}", from: $"4915100001{i:D3}"));
        }

        var requests = await platform.Receiver.WaitForAsync(healthy, requests => requests.Count >= 10, TimeSpan.FromSeconds(5));
        Assert.True(requests.Max(request => request.At) - started < TimeSpan.FromSeconds(3), "The hanging endpoint held up the healthy one.");
    }

    private async Task<(Tenant Tenant, string Number, string Unused)> SetUpAsync()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        return (tenant, await tenant.AddSandboxNumberAsync(), "");
    }

    private static async Task<string> AddEndpointAsync(Tenant tenant, string url) =>
        (await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url, event_types = ReceivedOnly }, HttpStatusCode.Created))
            .GetProperty("id").GetString()!;

    private async Task<string> CustomerWritesAsync(string number, string text = "hello", string from = "16315551234")
    {
        var wamid = MetaWebhook.NewWamid();
        var response = await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, [MetaWebhook.Text(wamid, text, from, DateTimeOffset.UtcNow.ToUnixTimeSeconds())], waId: from));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return wamid;
    }

    private static Task<JsonElement> WaitForDeadLetterAsync(Tenant tenant, string wamid) =>
        Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var page = await tenant.Client.GetAsync("/v1/webhook-dead-letters", HttpStatusCode.OK);
            var letters = page.GetProperty("data").EnumerateArray().Where(letter => letter.GetProperty("payload").GetRawText().Contains(wamid, StringComparison.Ordinal)).ToList();
            return letters.Count > 0 ? letters[0] : null;
        }, TimeSpan.FromSeconds(30));
}
