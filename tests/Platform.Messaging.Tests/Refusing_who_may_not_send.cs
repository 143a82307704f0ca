using System.Net;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>Suspended tenants and keys without the send scope, on both send endpoints.</summary>
[Collection(MessagingPlatformGroup.Name)]
public sealed class Refusing_who_may_not_send(MessagingPlatform platform)
{
    private static readonly string[] ReadOnly = ["messages:read"];

    [Fact]
    public async Task Should_refuse_a_suspended_tenants_sends_on_both_endpoints_but_let_it_read()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await platform.CustomerWritesAsync(tenant, number, customer, "Hello");
        await platform.Operator.PostAsync($"/partner/v1/tenants/{tenant.Id}/suspend", new { reason = "Unpaid invoice" }, HttpStatusCode.OK);

        var portal = await PlatformClient.ExpectAsync(await tenant.Client.PostAsync("/v1/messages", Templates.Text(number, customer, "Hi")), HttpStatusCode.Forbidden);
        var cloud = await PlatformClient.ExpectAsync(
            await platform.PostJsonAsync(tenant.Key, $"/cloud/v23.0/{number}/messages", $$$"""{"messaging_product":"whatsapp","to":"{{{customer}}}","type":"text","text":{"body":"Hi"}}"""),
            HttpStatusCode.BadRequest);

        Assert.Equal("tenant_suspended", portal.GetProperty("code").GetString());
        Assert.Equal(131031, cloud.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("Unpaid invoice", cloud.GetProperty("error").GetProperty("error_data").GetProperty("details").GetString(), StringComparison.Ordinal);
        await tenant.Client.GetAsync($"/v1/messages?customer={customer}", HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_refuse_a_key_without_the_send_scope_on_both_endpoints()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        var created = await tenant.Client.PostAsync("/v1/api-keys", new { name = "dashboard", scopes = ReadOnly }, HttpStatusCode.Created);
        var reader = created.GetProperty("key").GetString()!;

        var portal = await PlatformClient.ExpectAsync(await tenant.Client.WithKey(reader).PostAsync("/v1/messages", Templates.Text(number, customer, "Hi")), HttpStatusCode.Forbidden);
        var cloud = await PlatformClient.ExpectAsync(
            await platform.PostJsonAsync(reader, $"/cloud/v23.0/{number}/messages", $$$"""{"messaging_product":"whatsapp","to":"{{{customer}}}","type":"text","text":{"body":"Hi"}}"""),
            HttpStatusCode.Forbidden);

        Assert.Equal("insufficient_scope", portal.GetProperty("code").GetString());
        Assert.Equal(10, cloud.GetProperty("error").GetProperty("code").GetInt32());
    }
}
