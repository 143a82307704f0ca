using System.Globalization;
using System.Net;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>
/// With RabbitMQ and Azure Table storage (Azurite), run by ./test.sh: two hosts in one cluster, both consuming every queue.
/// A slow endpoint keeps each attempt in flight for 300 ms while a conversation's next message arrives, and the first
/// attempt fails and waits for its retry: each conversation is still delivered in order, whichever host's consumer takes
/// which event, and the other conversations are not held up by the one waiting.
/// </summary>
public sealed class Conversation_order_across_two_hosts : IAsyncLifetime, IAsyncDisposable
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(300);
    private static readonly string[] Customers = ["4915200000001", "4915200000002", "4915200000003"];
    private static readonly string[] ReceivedOnly = ["message.received"];
    private readonly ScriptedWebhookReceiver _receiver = new();
    private IReadOnlyDictionary<string, string> _first = new Dictionary<string, string>();
    private IReadOnlyDictionary<string, string> _second = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await _receiver.StartAsync();
        _first = await RealServices.IsolatedEnvironmentAsync("order", new Dictionary<string, string>
        {
            ["Webhooks__RetryBaseDelay"] = "00:00:03",
            ["WhatsApp__AppSecret"] = InboundPlatform.AppSecret,
            ["WhatsApp__VerifyToken"] = InboundPlatform.VerifyToken,
        });
        _second = new Dictionary<string, string>(_first)
        {
            ["Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        };
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();

    [Fact]
    public async Task Should_deliver_each_conversation_in_order_while_its_first_event_waits_for_a_retry_and_the_others_go_on()
    {
        await using var one = await PlatformProcess.StartAsync(_first);
        await using var two = await PlatformProcess.StartAsync(_second);
        var tenant = await Onboarding.CreateTenantAsync(new PlatformClient(one.Http, RealServices.OperatorKey));
        var number = await tenant.AddSandboxNumberAsync();
        var url = _receiver.Endpoint([(500, Slow), .. Enumerable.Repeat((200, Slow), 100)]);
        await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url, event_types = ReceivedOnly }, HttpStatusCode.Created);
        var sent = Customers.ToDictionary(customer => customer, _ => new List<string>());

        await WriteAsync(one, number, Customers[0], 0, sent);
        await WithLogAsync(one, two, () => _receiver.WaitForAsync(url, requests => requests.Count >= 1));
        for (var message = 0; message < 4; message++)
        {
            foreach (var customer in Customers.Where(customer => message > 0 || customer != Customers[0]))
            {
                await WriteAsync(sent.Values.Sum(list => list.Count) % 2 == 0 ? one : two, number, customer, message, sent);
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        var requests = await WithLogAsync(one, two, () => _receiver.WaitForAsync(
            url, requests => requests.Count(request => request.AnsweredStatus == 200) >= 12, TimeSpan.FromSeconds(90)));

        var delivered = requests.Where(request => request.AnsweredStatus == 200).ToList();
        Assert.Equal(12, delivered.Count);
        foreach (var customer in Customers)
        {
            var order = delivered
                .Select(request => sent[customer].FindIndex(wamid => request.Body.Contains(wamid, StringComparison.Ordinal)))
                .Where(index => index >= 0);
            Assert.Equal(Enumerable.Range(0, 4), order);
        }

        var retried = delivered.First(request => request.DeliveryId == requests[0].DeliveryId);
        Assert.True(delivered.Count(request => request.At < retried.At) >= 3, "Other conversations waited for the first one's retry.");
    }

    private static async Task WriteAsync(PlatformProcess host, string number, string customer, int message, Dictionary<string, List<string>> sent)
    {
        var wamid = MetaWebhook.NewWamid();
        var response = await MetaWebhook.PostAsync(host.Http, MetaWebhook.Messages(
            number, [MetaWebhook.Text(wamid, $"message {message}", customer, DateTimeOffset.UtcNow.ToUnixTimeSeconds())], waId: customer));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        sent[customer].Add(wamid);
    }

    private static async Task<T> WithLogAsync<T>(PlatformProcess one, PlatformProcess two, Func<Task<T>> wait)
    {
        try
        {
            return await wait();
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}{Environment.NewLine}{one.Tail(40)}{Environment.NewLine}{two.Tail(40)}", exception);
        }
    }
}
