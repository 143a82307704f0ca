using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>Customers' messages of every type reach the tenant, once each, whatever Meta adds or repeats.</summary>
[Collection(InboundPlatformGroup.Name)]
public sealed class Meta_reports_customer_messages(InboundPlatform platform)
{
    private const string Customer = "16315551234";

    [Fact]
    public async Task Should_pass_every_message_type_to_the_tenant_with_its_object_context_and_referral_as_meta_sent_them()
    {
        var (tenant, number, url) = await SetUpAsync();
        var examples = MetaExamples.EveryMessageType(Customer);

        var response = await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, [.. examples.Select(example => example.Message)]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await platform.Receiver.WaitForAsync(url, requests => requests.Count(request => request.Type == "message.received") >= examples.Count);
        foreach (var (type, sent) in examples)
        {
            var wamid = sent["id"]!.GetValue<string>();
            var message = received.Single(request => request.Body.Contains(wamid, StringComparison.Ordinal)).Json.GetProperty("data").GetProperty("message");
            Assert.Equal(type, message.GetProperty("type").GetString());
            Assert.Equal(Customer, message.GetProperty("from").GetString());
            Assert.Equal(number, message.GetProperty("phone_number_id").GetString());
            Assert.True(JsonNode.DeepEquals(sent[type], JsonNode.Parse(message.GetProperty(type).GetRawText())), $"{type}: {message.GetProperty(type).GetRawText()}");
            if (sent["context"] is { } context)
            {
                Assert.True(JsonNode.DeepEquals(context, JsonNode.Parse(message.GetProperty("context").GetRawText())));
            }

            var stored = await tenant.Client.GetAsync($"/v1/messages/{message.GetProperty("id").GetString()}", HttpStatusCode.OK);
            Assert.Equal("inbound", stored.GetProperty("direction").GetString());
            if (sent["referral"] is { } referral)
            {
                Assert.True(JsonNode.DeepEquals(referral, JsonNode.Parse(message.GetProperty("referral").GetRawText())));
                Assert.True(JsonNode.DeepEquals(referral, JsonNode.Parse(stored.GetProperty("referral").GetRawText())));
            }
        }
    }

    [Fact]
    public async Task Should_raise_one_event_per_wamid_when_meta_redelivers_the_same_messages()
    {
        var (_, number, url) = await SetUpAsync();
        var wamids = Enumerable.Range(0, 3).Select(_ => MetaWebhook.NewWamid()).ToList();
        var body = MetaWebhook.Messages(number, [.. wamids.Select(wamid => MetaWebhook.Text(wamid, "hello"))]);

        foreach (var _ in Enumerable.Range(0, 3))
        {
            Assert.Equal(HttpStatusCode.OK, (await MetaWebhook.PostAsync(platform.Meta, body)).StatusCode);
        }

        await platform.Receiver.WaitForAsync(url, requests => requests.Count >= 3);
        var marker = MetaWebhook.NewWamid();
        await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, [MetaWebhook.Text(marker, "after the repeats")]));
        var received = await platform.Receiver.WaitForAsync(url, requests => requests.Any(request => request.Body.Contains(marker, StringComparison.Ordinal)));
        foreach (var wamid in wamids)
        {
            Assert.Single(received, request => request.Body.Contains(wamid, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Should_take_a_batch_of_many_changes_across_customers_and_entries_in_one_post()
    {
        var (_, number, url) = await SetUpAsync();
        var changes = Enumerable.Range(0, 50).Select(customer =>
        {
            var from = $"4915100000{customer:D3}";
            var body = MetaWebhook.Messages(number, [MetaWebhook.Text(MetaWebhook.NewWamid(), $"message from {from}", from)], waId: from);
            return JsonNode.Parse(body)!["entry"]![0]!["changes"]![0]!.DeepClone().AsObject();
        }).ToArray();

        var started = DateTimeOffset.UtcNow;
        var response = await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Envelope(changes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(1), "Meta wants the answer fast; nothing slow happens before it.");
        var received = await platform.Receiver.WaitForAsync(url, requests => requests.Count >= 50);
        Assert.Equal(50, received.Select(request => request.Json.GetProperty("data").GetProperty("message").GetProperty("from").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Should_ignore_fields_it_does_not_know_anywhere_in_the_payload()
    {
        var (_, number, url) = await SetUpAsync();
        var wamid = MetaWebhook.NewWamid();
        var payload = JsonNode.Parse(MetaWebhook.Messages(number, [MetaWebhook.Text(wamid, "new fields everywhere")]))!;
        payload["brand_new_top_level"] = "x";
        payload["entry"]![0]!["brand_new_entry_field"] = new JsonArray(1, 2);
        payload["entry"]![0]!["changes"]![0]!["value"]!["brand_new_value_field"] = new JsonObject { ["nested"] = true };
        payload["entry"]![0]!["changes"]![0]!["value"]!["metadata"]!["brand_new_metadata"] = 7;

        var response = await MetaWebhook.PostAsync(platform.Meta, payload.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await platform.Receiver.WaitForAsync(url, requests => requests.Any(request => request.Body.Contains(wamid, StringComparison.Ordinal)));
        Assert.Equal("new fields everywhere", received[0].Json.GetProperty("data").GetProperty("message").GetProperty("text").GetProperty("body").GetString());
    }

    private async Task<(Tenant Tenant, string Number, string Url)> SetUpAsync()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var url = platform.Receiver.Endpoint();
        await tenant.AddWebhookAsync(url);
        return (tenant, number, url);
    }
}
