using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Platform.Grains.Deliveries;
using Platform.Testing;
using Xunit.Abstractions;

namespace Platform.Inbound.Tests;

/// <summary>
/// With RabbitMQ and Azure Table storage (Azurite), run by ./test.sh: an endpoint that is down while far more deliveries queue
/// up than its grain state holds (100 there; the rest wait in the pending table) gets every one of them, once each, when it
/// recovers; none is dead-lettered. <c>PLATFORM_TEST_BACKLOG</c> sets how many (600 by default) for measurements.
/// </summary>
[Collection(RealServicesGroup.Name)]
public sealed class A_long_outage_with_a_large_backlog(ITestOutputHelper output) : IAsyncLifetime, IAsyncDisposable
{
    private static readonly int Backlog = int.TryParse(Environment.GetEnvironmentVariable("PLATFORM_TEST_BACKLOG"), CultureInfo.InvariantCulture, out var count) ? count : 600;
    private readonly ScriptedWebhookReceiver _receiver = new();
    private IReadOnlyDictionary<string, string> _environment = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await _receiver.StartAsync();
        _environment = await RealServices.IsolatedEnvironmentAsync("backlog", new Dictionary<string, string>
        {
            ["Webhooks__RetryBaseDelay"] = "00:00:00.500",
            ["Webhooks__MaxRetryDelay"] = "00:00:02",
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();

    [Fact]
    public async Task Should_deliver_more_than_500_waiting_deliveries_once_each_when_the_endpoint_recovers_and_dead_letter_none()
    {
        var url = _receiver.Endpoint([.. Enumerable.Repeat((503, TimeSpan.Zero), 1_000_000)]);
        await using var host = await PlatformProcess.StartAsync(_environment);
        var tenant = await Onboarding.CreateTenantAsync(new PlatformClient(host.Http, RealServices.OperatorKey));
        var endpointId = (await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url }, HttpStatusCode.Created)).GetProperty("id").GetString()!;

        var clock = Stopwatch.StartNew();
        var deliveryIds = new List<string>();
        foreach (var chunk in Enumerable.Range(0, Backlog).Chunk(16))
        {
            var accepted = await Task.WhenAll(chunk.Select(_ => tenant.Client.PostAsync($"/v1/webhook-endpoints/{endpointId}/test", new { }, HttpStatusCode.Accepted)));
            deliveryIds.AddRange(accepted.Select(answer => answer.GetProperty("delivery_id").GetString()!));
        }

        var posted = clock.Elapsed;
        await WithLogAsync(host, () => Eventually.GetValueAsync<JsonElement>(async () =>
            await Deliveries(tenant, endpointId) is var page && page.GetProperty("pending").GetInt32() == Backlog ? page : null, TimeSpan.FromSeconds(120)));
        var queued = clock.Elapsed;
        var spilled = await SpilledRowsAsync(tenant.Id, endpointId);
        var failedAttempts = _receiver.To(url).Count;

        _receiver.Recover(url);
        clock.Restart();
        var requests = await WithLogAsync(host, () => _receiver.WaitForAsync(
            url, requests => requests.Where(request => request.AnsweredStatus == 200).Select(request => request.DeliveryId).Distinct().Count() == Backlog,
            TimeSpan.FromSeconds(240)));
        var drained = clock.Elapsed;

        Assert.True(spilled >= Backlog - 200, $"Only {spilled} of {Backlog} waiting deliveries were in the pending table: the rest must have been in grain state.");
        var delivered = requests.Where(request => request.AnsweredStatus == 200).Select(request => request.DeliveryId!).ToList();
        Assert.Equal(deliveryIds.Order(StringComparer.Ordinal), delivered.Order(StringComparer.Ordinal));
        var letters = await tenant.Client.GetAsync("/v1/webhook-dead-letters", HttpStatusCode.OK);
        Assert.Equal(0, letters.GetProperty("data").GetArrayLength());
        await Eventually.GetValueAsync<JsonElement>(async () =>
            await Deliveries(tenant, endpointId) is var page && page.GetProperty("pending").GetInt32() == 0 ? page : null);
        Assert.Equal(0, await SpilledRowsAsync(tenant.Id, endpointId));

        output.WriteLine(
            $"{Backlog} deliveries: posted in {posted.TotalSeconds:0.0} s, all waiting after {queued.TotalSeconds:0.0} s " +
            $"({spilled} in the pending table, {failedAttempts} failed attempts meanwhile); after recovery all delivered in {drained.TotalSeconds:0.0} s " +
            $"({Backlog / drained.TotalSeconds:0} deliveries/s).");
    }

    private static Task<JsonElement> Deliveries(Tenant tenant, string endpointId) =>
        tenant.Client.GetAsync($"/v1/webhook-endpoints/{endpointId}/deliveries?limit=1", HttpStatusCode.OK);

    private static async Task<int> SpilledRowsAsync(string tenantId, string endpointId)
    {
        var table = new TableServiceClient(Environment.GetEnvironmentVariable("PLATFORM_TEST_AZURE_STORAGE")).GetTableClient(AzureTablePendingDeliveryIndex.Table);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {"spill|" + new WebhookDeliveryKey(tenantId, endpointId)}"), select: ["RowKey"]))
        {
            count++;
        }

        return count;
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
