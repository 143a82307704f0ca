using System.Net;
using Platform.Testing;

namespace Platform.Tenancy.Tests;

/// <summary>
/// Per-key rate limits, in a host of their own (a child process in the embedded mode) so the low limit configured here
/// does not slow the other tests.
/// </summary>
public sealed class Limiting_each_key : IAsyncLifetime
{
    private PlatformProcess? _host;

    public async Task InitializeAsync() => _host = await PlatformProcess.StartAsync(new Dictionary<string, string>
    {
        ["Platform__OperatorKey"] = "op_rate_limit_key",
        ["Orleans__SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans__GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting__PermitsPerSecond"] = "1",
        ["RateLimiting__Burst"] = "3",
    });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Should_answer_429_with_retry_after_once_a_key_spends_its_burst_and_leave_other_keys_alone()
    {
        var @operator = new Caller(_host!.Http, "op_rate_limit_key");
        var first = await NewTenantKeyAsync(@operator);
        var second = await NewTenantKeyAsync(@operator);

        var answers = new List<Response>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await first.GetAsync("/v1/phone-numbers"));
        }

        var other = await second.GetAsync("/v1/phone-numbers");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], answers.Take(3).Select(answer => answer.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].Status);
        Assert.Equal("rate_limited", answers[3].Code);
        Assert.Equal(TimeSpan.FromSeconds(1), answers[3].RetryAfter);
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Fact]
    public async Task Should_apply_a_tenants_own_limit_to_its_keys_from_the_next_request()
    {
        var @operator = new Caller(_host!.Http, "op_rate_limit_key");
        var (tenantId, key) = await NewTenantAsync(@operator);
        var later = await @operator.ExpectAsync(HttpMethod.Post, $"/partner/v1/tenants/{tenantId}/api-keys", HttpStatusCode.Created, new { });

        var updated = await @operator.ExpectAsync(HttpMethod.Patch, $"/partner/v1/tenants/{tenantId}", HttpStatusCode.OK,
            new { rate_limit = new { permits_per_second = 1, burst = 10 } });
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add((await key.GetAsync("/v1/phone-numbers")).Status);
        }

        Assert.Equal(10, updated.GetProperty("rate_limit").GetProperty("burst").GetInt32());
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.OK, (await key.WithKey(later.GetProperty("key").GetString()).GetAsync("/v1/phone-numbers")).Status);
    }

    private static async Task<Caller> NewTenantKeyAsync(Caller @operator) => (await NewTenantAsync(@operator)).Key;

    private static async Task<(string Id, Caller Key)> NewTenantAsync(Caller @operator)
    {
        var tenant = await @operator.ExpectAsync(HttpMethod.Post, "/partner/v1/tenants", HttpStatusCode.Created, new { name = "Busy" });
        var id = tenant.GetProperty("id").GetString()!;
        var key = await @operator.ExpectAsync(HttpMethod.Post, $"/partner/v1/tenants/{id}/api-keys", HttpStatusCode.Created, new { });
        return (id, @operator.WithKey(key.GetProperty("key").GetString()));
    }
}
