using System.Globalization;
using System.Net;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>
/// With RabbitMQ and Azure Table storage (Azurite), run by ./test.sh: two hosts in one cluster, both consuming every queue.
/// A healthy but slow endpoint keeps each attempt in flight for 600 ms while the conversation's next message arrives, on
/// whichever host's consumer the broker hands it to: the next event is sent only once the previous one was answered, while
/// the other conversations' events are sent meanwhile. (A retry's wait is covered by
/// <see cref="Conversation_order_across_consumers"/>: once an attempt failed, every later event goes through the endpoint's
/// schedule.)
/// </summary>
[Collection(RealServicesGroup.Name)]
public sealed class Conversation_order_across_two_hosts : IAsyncLifetime, IAsyncDisposable
{
    private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(600);
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
    public async Task Should_send_a_conversations_next_event_only_once_the_previous_one_was_answered_whichever_host_consumes_it()
    {
        await using var one = await PlatformProcess.StartAsync(_first);
        await using var two = await PlatformProcess.StartAsync(_second);
        var tenant = await Onboarding.CreateTenantAsync(new PlatformClient(one.Http, RealServices.OperatorKey));
        var number = await tenant.AddSandboxNumberAsync();
        var url = _receiver.Endpoint([.. Enumerable.Repeat((200, Slow), 100)]);
        await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url, event_types = ReceivedOnly }, HttpStatusCode.Created);
        var sent = Customers.ToDictionary(customer => customer, _ => new List<string>());

        // Both hosts warm (JIT, first activations, first publishes): a cold host can take longer to pass an event on than the
        // 300 ms between two messages of a conversation here, and the inbound stage before the delivery schedule does not
        // order events across hosts.
        var warmUp = new Dictionary<string, List<string>> { ["4915200000009"] = [] };
        await WriteAsync(one, number, "4915200000009", 0, warmUp);
        await WriteAsync(two, number, "4915200000009", 1, warmUp);
        await WithLogAsync(one, two, () => _receiver.WaitForAsync(url, requests => requests.Count >= 2, TimeSpan.FromSeconds(30)));
        for (var message = 0; message < 4; message++)
        {
            foreach (var customer in Customers)
            {
                await WriteAsync(sent.Values.Sum(list => list.Count) % 2 == 0 ? one : two, number, customer, message, sent);
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        var requests = (await WithLogAsync(one, two, () => _receiver.WaitForAsync(url, requests => requests.Count >= 14, TimeSpan.FromSeconds(90)))).Skip(2).ToList();

        Assert.Equal(12, requests.Count);
        foreach (var customer in Customers)
        {
            var conversation = requests
                .Select(request => (request.At, Index: sent[customer].FindIndex(wamid => request.Body.Contains(wamid, StringComparison.Ordinal))))
                .Where(request => request.Index >= 0)
                .ToList();
            var seen = string.Join(", ", conversation.Select(request => $"{request.Index} at {request.At:HH:mm:ss.fff}"));
            for (var i = 1; i < conversation.Count; i++)
            {
                Assert.True(conversation[i].At - conversation[i - 1].At >= Slow - TimeSpan.FromMilliseconds(50),
                    $"A message of {customer} was sent before the previous one was answered: {seen}.");
            }

            Assert.True(conversation.Select(request => request.Index).SequenceEqual(Enumerable.Range(0, 4)), $"{customer}: {seen}.");
        }

        // Three conversations at once: the whole run takes about four answers' time, not twelve.
        Assert.True(requests[^1].At - requests[0].At < Slow * 9, "The conversations were held up behind each other.");
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
