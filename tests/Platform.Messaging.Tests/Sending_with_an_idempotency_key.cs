using System.Net;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>Idempotency-Key on POST /v1/messages: the same key and body answer the same for 24 hours; another body is a conflict.</summary>
[Collection(MessagingPlatformGroup.Name)]
public sealed class Sending_with_an_idempotency_key(MessagingPlatform platform)
{
    [Fact]
    public async Task Should_answer_a_repeat_with_the_first_answer_and_send_once()
    {
        var (tenant, number, customer) = await OpenConversationAsync();
        var body = Templates.Text(number, customer, "Your refund is on its way.");

        var first = await PlatformClient.ExpectAsync(await platform.PostWithKeyAsync(tenant, "/v1/messages", body, "refund-1042"), HttpStatusCode.Accepted);
        var second = await PlatformClient.ExpectAsync(await platform.PostWithKeyAsync(tenant, "/v1/messages", body, "refund-1042"), HttpStatusCode.Accepted);

        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        await tenant.WaitForStatusAsync(first.GetProperty("id").GetString()!, "read");
        var outbound = await tenant.Client.GetAsync($"/v1/messages?customer={customer}&direction=outbound", HttpStatusCode.OK);
        Assert.Equal(1, outbound.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Should_refuse_the_same_key_with_another_body()
    {
        var (tenant, number, customer) = await OpenConversationAsync();
        await PlatformClient.ExpectAsync(await platform.PostWithKeyAsync(tenant, "/v1/messages", Templates.Text(number, customer, "One"), "key-1"), HttpStatusCode.Accepted);

        var problem = await PlatformClient.ExpectAsync(
            await platform.PostWithKeyAsync(tenant, "/v1/messages", Templates.Text(number, customer, "Two"), "key-1"), HttpStatusCode.Conflict);

        Assert.Equal("idempotency_conflict", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Should_replay_a_refusal_as_it_was()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        var body = Templates.Text(number, customer, "Hello");
        var first = await PlatformClient.ExpectAsync(await platform.PostWithKeyAsync(tenant, "/v1/messages", body, "hello-1"), HttpStatusCode.UnprocessableEntity);

        await platform.CustomerWritesAsync(tenant, number, customer, "Hi!");
        var replay = await platform.PostWithKeyAsync(tenant, "/v1/messages", body, "hello-1");

        var second = await PlatformClient.ExpectAsync(replay, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application/problem+json", replay.Content.Headers.ContentType?.MediaType);
        Assert.Equal("window_closed", second.GetProperty("code").GetString());
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_keep_keys_apart_between_tenants()
    {
        var (tenant, number, customer) = await OpenConversationAsync();
        var (other, otherNumber, otherCustomer) = await OpenConversationAsync();

        var mine = await PlatformClient.ExpectAsync(await platform.PostWithKeyAsync(tenant, "/v1/messages", Templates.Text(number, customer, "A"), "shared"), HttpStatusCode.Accepted);
        var theirs = await PlatformClient.ExpectAsync(await platform.PostWithKeyAsync(other, "/v1/messages", Templates.Text(otherNumber, otherCustomer, "B"), "shared"), HttpStatusCode.Accepted);

        Assert.NotEqual(mine.GetProperty("id").GetString(), theirs.GetProperty("id").GetString());
    }

    private async Task<(Tenant Tenant, string Number, string Customer)> OpenConversationAsync()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await platform.CustomerWritesAsync(tenant, number, customer, "Hello");
        return (tenant, number, customer);
    }
}
