using System.Net;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>
/// The endpoint's delivery log: every attempt newest first with its answer (status, latency, the start of the body), paged
/// with a cursor, filtered by event or outcome, and only for the tenant's own endpoints.
/// </summary>
[Collection(InboundPlatformGroup.Name)]
public sealed class Tenant_reads_an_endpoints_attempts(InboundPlatform platform)
{
    private static readonly TimeSpan Now = TimeSpan.Zero;

    [Fact]
    public async Task Should_page_the_attempts_newest_first_with_a_cursor()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var url = platform.Receiver.Endpoint((500, Now), (503, Now), (500, Now));
        var endpointId = await AddEndpointAsync(tenant, url);
        var test = await tenant.Client.PostAsync($"/v1/webhook-endpoints/{endpointId}/test", new { }, HttpStatusCode.Accepted);
        var eventId = test.GetProperty("event_id").GetString();
        await Eventually.GetValueAsync<JsonElement>(async () =>
            await PageAsync(tenant, endpointId, "?status=delivered") is var page && page.GetProperty("data").GetArrayLength() == 1 ? page : null);

        var first = await PageAsync(tenant, endpointId, "?limit=2");
        var second = await PageAsync(tenant, endpointId, $"?limit=2&cursor={first.GetProperty("next_cursor").GetString()}");

        Assert.Equal([4, 3], Attempts(first).Select(attempt => attempt.GetProperty("attempt").GetInt32()));
        Assert.Equal([200, 500], Attempts(first).Select(attempt => attempt.GetProperty("response_status").GetInt32()));
        Assert.Equal([2, 1], Attempts(second).Select(attempt => attempt.GetProperty("attempt").GetInt32()));
        Assert.Equal([503, 500], Attempts(second).Select(attempt => attempt.GetProperty("response_status").GetInt32()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        Assert.All(Attempts(first).Concat(Attempts(second)), attempt => Assert.Equal(eventId, attempt.GetProperty("event_id").GetString()));
        Assert.Equal(["failed", "failed", "failed"], Attempts(await PageAsync(tenant, endpointId, "?status=failed")).Select(attempt => attempt.GetProperty("outcome").GetString()));
        Assert.Equal(4, Attempts(await PageAsync(tenant, endpointId, $"?event_id={eventId}")).Count);
        Assert.Empty(Attempts(await PageAsync(tenant, endpointId, "?event_id=evt_not_this_one")));
    }

    [Fact]
    public async Task Should_keep_the_start_of_each_answer_with_its_status_and_latency()
    {
        await using var receiver = await AnsweringReceiver.StartAsync((503, "Down for maintenance until 10:00 UTC"));
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var endpointId = await AddEndpointAsync(tenant, receiver.Url);
        await tenant.Client.PostAsync($"/v1/webhook-endpoints/{endpointId}/test", new { }, HttpStatusCode.Accepted);

        var page = await Eventually.GetValueAsync<JsonElement>(async () =>
            await PageAsync(tenant, endpointId, "") is var found && found.GetProperty("data").GetArrayLength() == 2 ? found : null);

        var (delivered, failed) = (Attempts(page)[0], Attempts(page)[1]);
        Assert.Equal("ok", delivered.GetProperty("response_body").GetString());
        Assert.Equal(503, failed.GetProperty("response_status").GetInt32());
        Assert.Equal("Down for maintenance until 10:00 UTC", failed.GetProperty("response_body").GetString());
        Assert.True(failed.GetProperty("latency_ms").GetInt64() >= 0);
    }

    [Fact]
    public async Task Should_not_find_another_tenants_endpoint()
    {
        var owner = await Onboarding.CreateTenantAsync(platform.Operator);
        var other = await Onboarding.CreateTenantAsync(platform.Operator, "Other");
        var endpointId = await AddEndpointAsync(owner, platform.Receiver.Endpoint());
        await owner.Client.PostAsync($"/v1/webhook-endpoints/{endpointId}/test", new { }, HttpStatusCode.Accepted);
        await Eventually.GetValueAsync<JsonElement>(async () =>
            await PageAsync(owner, endpointId, "") is var page && page.GetProperty("data").GetArrayLength() == 1 ? page : null);

        var response = await other.Client.GetAsync($"/v1/webhook-endpoints/{endpointId}/deliveries");

        Assert.Equal("not_found", (await PlatformClient.ExpectAsync(response, HttpStatusCode.NotFound)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Should_refuse_a_cursor_it_did_not_issue_and_an_unknown_status()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var endpointId = await AddEndpointAsync(tenant, platform.Receiver.Endpoint());

        await PlatformClient.ExpectAsync(await tenant.Client.GetAsync($"/v1/webhook-endpoints/{endpointId}/deliveries?cursor=bm90LW91cnM"), HttpStatusCode.BadRequest);
        await PlatformClient.ExpectAsync(await tenant.Client.GetAsync($"/v1/webhook-endpoints/{endpointId}/deliveries?status=lost"), HttpStatusCode.BadRequest);
        await PlatformClient.ExpectAsync(await tenant.Client.GetAsync($"/v1/webhook-endpoints/{endpointId}/deliveries?limit=0"), HttpStatusCode.BadRequest);
    }

    private static async Task<string> AddEndpointAsync(Tenant tenant, string url) =>
        (await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url }, HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static Task<JsonElement> PageAsync(Tenant tenant, string endpointId, string query) =>
        tenant.Client.GetAsync($"/v1/webhook-endpoints/{endpointId}/deliveries{query}", HttpStatusCode.OK);

    private static List<JsonElement> Attempts(JsonElement page) => [.. page.GetProperty("data").EnumerateArray()];
}
