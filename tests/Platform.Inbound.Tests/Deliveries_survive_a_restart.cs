using System.Net;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>
/// With RabbitMQ and Azure Table storage (Azurite), run by ./test.sh: a delivery waiting for a retry when the host stops is
/// delivered by the restarted host, under the same delivery id; the endpoint, the dead letters and the endpoint's attempt log
/// (paged with a cursor) are still there.
/// </summary>
[Collection(RealServicesGroup.Name)]
public sealed class Deliveries_survive_a_restart : IAsyncLifetime, IAsyncDisposable
{
    private readonly ScriptedWebhookReceiver _receiver = new();
    private IReadOnlyDictionary<string, string> _environment = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await _receiver.StartAsync();
        _environment = await RealServices.IsolatedEnvironmentAsync("inbound", new Dictionary<string, string>
        {
            ["Webhooks__RetryBaseDelay"] = "00:00:00.500",

            // However many attempts a slow run makes before the restart, the next one comes within seconds after it.
            ["Webhooks__MaxRetryDelay"] = "00:00:05",
            ["WhatsApp__AppSecret"] = InboundPlatform.AppSecret,
            ["WhatsApp__VerifyToken"] = InboundPlatform.VerifyToken,
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();

    [Fact]
    public async Task Should_deliver_a_pending_retry_after_the_host_restarts()
    {
        var url = _receiver.Endpoint([.. Enumerable.Repeat((503, TimeSpan.Zero), 1000)]);
        var refused = _receiver.Endpoint([.. Enumerable.Repeat((400, TimeSpan.Zero), 10)]);
        Tenant tenant;
        string wamid;
        string endpointId;
        string deliveryId;
        await using (var host = await PlatformProcess.StartAsync(_environment))
        {
            tenant = await Onboarding.CreateTenantAsync(new PlatformClient(host.Http, RealServices.OperatorKey));
            var number = await tenant.AddSandboxNumberAsync();
            endpointId = (await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
            await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url = refused }, HttpStatusCode.Created);
            wamid = MetaWebhook.NewWamid();
            var response = await MetaWebhook.PostAsync(host.Http, MetaWebhook.Messages(number, [MetaWebhook.Text(wamid, "¿Sigue ahí? 🙏", timestamp: DateTimeOffset.UtcNow.ToUnixTimeSeconds())]));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            var attempts = await WithLogAsync(host, () => _receiver.WaitForAsync(url, requests => requests.Count >= 3, TimeSpan.FromSeconds(60)));
            deliveryId = attempts[0].DeliveryId!;
            await Eventually.GetValueAsync<JsonElement>(async () =>
            {
                var page = await tenant.Client.GetAsync("/v1/webhook-dead-letters", HttpStatusCode.OK);
                return page.GetProperty("data").GetArrayLength() > 0 ? page : null;
            }, TimeSpan.FromSeconds(60));
            await host.StopAsync();
        }

        _receiver.Recover(url);
        var before = _receiver.To(url).Count;
        var restartedAt = DateTimeOffset.UtcNow;
        await using (var restarted = await PlatformProcess.StartAsync(_environment))
        {
            var delivered = await WithLogAsync(restarted, () => _receiver.WaitForAsync(url, requests => requests.Skip(before).Any(request => request.AnsweredStatus == 200), TimeSpan.FromSeconds(60)));

            var success = delivered.Single(request => request.AnsweredStatus == 200);
            Assert.Equal(deliveryId, success.DeliveryId);
            Assert.Equal("¿Sigue ahí? 🙏", success.Json.GetProperty("data").GetProperty("message").GetProperty("text").GetProperty("body").GetString());
            Assert.Contains(wamid, success.Body, StringComparison.Ordinal);

            var client = tenant.Client.WithHttp(restarted.Http);
            var endpoint = await client.GetAsync($"/v1/webhook-endpoints/{endpointId}", HttpStatusCode.OK);
            Assert.Equal("enabled", endpoint.GetProperty("status").GetString());
            var letters = await client.GetAsync("/v1/webhook-dead-letters", HttpStatusCode.OK);
            var letter = Assert.Single(letters.GetProperty("data").EnumerateArray());
            Assert.Equal(400, letter.GetProperty("last_response_status").GetInt32());

            // Every attempt the receiver saw is listed, newest first, the ones made before the restart included.
            var expected = _receiver.To(url).Where(request => request.DeliveryId == deliveryId).Select(request => request.AnsweredStatus).Reverse().ToList();
            var listed = await Eventually.GetAsync<List<JsonElement>>(async () =>
            {
                var all = new List<JsonElement>();
                string? cursor = null;
                do
                {
                    var page = await client.GetAsync($"/v1/webhook-endpoints/{endpointId}/deliveries?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}", HttpStatusCode.OK);
                    all.AddRange(page.GetProperty("data").EnumerateArray());
                    cursor = page.GetProperty("next_cursor").GetString();
                }
                while (cursor is not null);
                return all.Count == expected.Count ? all : null;
            }, TimeSpan.FromSeconds(30));
            Assert.Equal(expected, listed.Select(attempt => attempt.GetProperty("response_status").GetInt32()));
            var numbers = listed.Select(attempt => attempt.GetProperty("attempt").GetInt32()).ToList();
            Assert.Equal(numbers.OrderDescending(), numbers);
            Assert.Equal("delivered", listed[0].GetProperty("outcome").GetString());
            Assert.True(listed.Count(attempt => attempt.GetProperty("at").GetDateTimeOffset() < restartedAt) >= 3, "The attempts made before the restart were kept.");
        }
    }

    private static async Task<T> WithLogAsync<T>(PlatformProcess host, Func<Task<T>> wait)
    {
        try
        {
            return await wait();
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}{Environment.NewLine}{host.Tail(60)}", exception);
        }
    }
}
