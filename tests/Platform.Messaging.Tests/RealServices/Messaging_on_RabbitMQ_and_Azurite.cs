using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Messaging.Tests.RealServices;

/// <summary>
/// The messaging engine with real services (run through ./test.sh): RabbitMQ carries the sends, Azure Table storage holds
/// the history table its queries read, consent and settings grains, and idempotency keys, all surviving a host restart.
/// </summary>
public sealed class Messaging_on_RabbitMQ_and_Azurite : IAsyncLifetime
{
    private IReadOnlyDictionary<string, string> _environment = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string>(await Platform.Testing.RealServices.IsolatedEnvironmentAsync("messaging"))
        {
            ["Templates__SandboxApprovalDelay"] = "00:00:00.200",
        };
        _environment = environment;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Should_apply_the_rules_query_the_history_and_keep_consent_and_idempotency_across_a_restart()
    {
        var customer = Scenario.NewCustomer();
        Tenant tenant;
        string number;
        string firstId;
        object template;
        await using (var host = await PlatformProcess.StartAsync(_environment))
        {
            tenant = await Onboarding.CreateTenantAsync(new PlatformClient(host.Http, Platform.Testing.RealServices.OperatorKey));
            number = await tenant.AddSandboxNumberAsync();
            var created = await tenant.Client.PostAsync(
                "/v1/templates",
                new { name = "order_shipped", language = "en_US", category = "UTILITY", components = JsonDocument.Parse(Templates.ShippingComponents).RootElement },
                HttpStatusCode.Created);
            await Eventually.GetValueAsync(async () =>
                (await tenant.Client.GetAsync($"/v1/templates/{created.GetProperty("id").GetString()}", HttpStatusCode.OK)).GetProperty("status").GetString() == "APPROVED" ? true : (bool?)null);
            template = Templates.Shipping(number, customer);

            Assert.Equal("consent_required", await tenant.RefusalAsync(template));
            await tenant.OptInAsync(customer);
            firstId = await SendWithKeyAsync(host.Http, tenant, template, "ship-1042", HttpStatusCode.Accepted);
            await tenant.WaitForStatusAsync(firstId, "read");

            await tenant.Client.PostAsync("/v1/sandbox/inbound", new { phone_number_id = number, from = customer, text = "STOP" }, HttpStatusCode.Accepted);
            await Eventually.GetValueAsync(async () =>
                (await tenant.Client.GetAsync($"/v1/conversations/{customer}?phone_number_id={number}", HttpStatusCode.OK))
                    .GetProperty("consent").GetProperty("opted_out").GetBoolean() ? true : (bool?)null);
            Assert.Equal("opted_out", await tenant.RefusalAsync(template));
            var outbound = await Eventually.GetValueAsync(async () =>
            {
                var page = await tenant.Client.GetAsync($"/v1/messages?customer={customer}&direction=outbound&status=read", HttpStatusCode.OK);
                return page.GetProperty("data").GetArrayLength() == 2 ? page : (JsonElement?)null;
            });
            Assert.StartsWith("You have been unsubscribed", outbound.GetProperty("data")[0].GetProperty("text").GetProperty("body").GetString(), StringComparison.Ordinal);
            Assert.Equal(firstId, outbound.GetProperty("data")[1].GetProperty("id").GetString());

            await host.StopAsync();
        }

        await using (var restarted = await PlatformProcess.StartAsync(_environment))
        {
            var client = tenant.Client.WithHttp(restarted.Http);
            var again = tenant with { Client = client };

            Assert.Equal(firstId, await SendWithKeyAsync(restarted.Http, again, template, "ship-1042", HttpStatusCode.Accepted));
            Assert.Equal("opted_out", await again.RefusalAsync(template));

            var first = await client.GetAsync($"/v1/messages?customer={customer}&limit=1", HttpStatusCode.OK);
            var second = await client.GetAsync($"/v1/messages?customer={customer}&limit=1&cursor={first.GetProperty("next_cursor").GetString()}", HttpStatusCode.OK);
            Assert.Equal("outbound", first.GetProperty("data")[0].GetProperty("direction").GetString());
            Assert.Equal("STOP", second.GetProperty("data")[0].GetProperty("text").GetProperty("body").GetString());
            var conversation = await client.GetAsync($"/v1/conversations/{customer}", HttpStatusCode.OK);
            Assert.True(conversation.GetProperty("consent").GetProperty("opted_out").GetBoolean());
            Assert.True(conversation.GetProperty("window_open").GetBoolean());
            Assert.Equal(3, conversation.GetProperty("recent_messages").GetArrayLength());
        }
    }

    private static async Task<string> SendWithKeyAsync(HttpClient http, Tenant tenant, object body, string key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
        request.Headers.Add("Idempotency-Key", key);
        var answer = await PlatformClient.ExpectAsync(await http.SendAsync(request), expected);
        return answer.GetProperty("id").GetString()!;
    }
}
