using System.Globalization;
using System.Net;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Messaging.Tests.RealServices;

/// <summary>
/// Messages accepted while Meta is failing are still on RabbitMQ, unacknowledged, when the host is killed (SIGKILL, no
/// graceful stop). A new host picks them up and sends each exactly once when Meta recovers.
/// </summary>
public sealed class A_killed_host_loses_nothing : IAsyncLifetime, IAsyncDisposable
{
    private readonly FakeGraphApi _graph = new();
    private IReadOnlyDictionary<string, string> _environment = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await _graph.StartAsync();
        var environment = new Dictionary<string, string>(await Platform.Testing.RealServices.IsolatedEnvironmentAsync("killed"))
        {
            ["WhatsApp__GraphApiBase"] = _graph.Url,
            ["Outbound__MaxInPlaceWait"] = "00:00:00.100",
        };
        for (var i = 0; i < 30; i++)
        {
            environment[$"Outbound__RetryIntervals__{i}"] = "00:00:01";
        }

        _environment = environment;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => _graph.DisposeAsync();

    [Fact]
    public async Task Should_send_every_accepted_message_once_after_the_host_is_killed_mid_retry()
    {
        var phoneNumberId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        var token = "EAAG" + Guid.NewGuid().ToString("N");
        _graph.AddNumber(phoneNumberId, token);
        var customer = Scenario.NewCustomer();
        _graph.Fail(customer, 131000, httpStatus: 503, times: 10_000);
        Tenant tenant;
        var ids = new List<string>();
        await using (var doomed = await PlatformProcess.StartAsync(_environment))
        {
            tenant = await Onboarding.CreateTenantAsync(new PlatformClient(doomed.Http, Platform.Testing.RealServices.OperatorKey));
            await tenant.Client.PostAsync(
                "/v1/phone-numbers",
                new { phone_number_id = phoneNumberId, channel = "cloud_api", waba_id = "waba" + phoneNumberId, access_token = token, pin = "123456" },
                HttpStatusCode.Created);
            await tenant.Client.PostAsync(
                "/v1/templates",
                new { name = "order_shipped", language = "en_US", category = "UTILITY", components = JsonDocument.Parse(Templates.ShippingComponents).RootElement },
                HttpStatusCode.Created);
            await tenant.OptInAsync(customer);
            for (var i = 0; i < 5; i++)
            {
                ids.Add(await tenant.SendAcceptedAsync(Templates.Shipping(phoneNumberId, customer)));
            }

            await Eventually.GetValueAsync(() => Task.FromResult(_graph.RefusedCount(customer) >= 3 ? true : (bool?)null));
        }

        _graph.Recover(customer);
        await using var successor = await PlatformProcess.StartAsync(_environment);
        var client = tenant.Client.WithHttp(successor.Http);
        foreach (var id in ids)
        {
            await Eventually.GetValueAsync(async () =>
                (await client.GetAsync($"/v1/messages/{id}", HttpStatusCode.OK)).GetProperty("status").GetString() == "sent" ? true : (bool?)null,
                TimeSpan.FromSeconds(60));
        }

        Assert.Equal(
            ids.Order(StringComparer.Ordinal),
            _graph.SentTo(customer).Select(request => request.Body.GetProperty("biz_opaque_callback_data").GetString()!).Order(StringComparer.Ordinal));
    }
}
