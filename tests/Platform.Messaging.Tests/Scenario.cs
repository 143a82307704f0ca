using System.Globalization;
using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Identifiers;
using Platform.Grains.Routing;
using Platform.Grains.Templates;
using Platform.Grains.Tenants;
using Platform.Host.Security;
using Platform.Testing;
using Platform.WhatsApp.Sandbox;

namespace Platform.Messaging.Tests;

/// <summary>The steps messaging scenarios share: numbers, customers writing, templates and consent.</summary>
public static class Scenario
{
    public static string NewCustomer() =>
        "4915" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>A <c>cloud_api</c> number with an encrypted access token, as tenancy registers it; the fake Graph API knows its token.</summary>
    public static async Task<string> AddCloudNumberAsync(this MessagingPlatform platform, Tenant tenant)
    {
        var phoneNumberId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture);
        var token = "EAAG" + Guid.NewGuid().ToString("N");
        platform.Graph.AddNumber(phoneNumberId, token);
        var grains = platform.Services.GetRequiredService<IGrainFactory>();
        var protector = platform.Services.GetRequiredService<SecretProtector>();
        var now = DateTimeOffset.UtcNow;
        Assert.True(await grains.GetGrain<IPhoneNumberOwnerGrain>(phoneNumberId).ClaimAsync(tenant.Id));
        await grains.GetGrain<ITenantGrain>(tenant.Id).AddPhoneNumberAsync(
            new PhoneNumber(PlatformIds.New("pn", now), phoneNumberId, "+1 555 0100", "cloud_api", PhoneNumberStatuses.Connected, now)
            {
                ProtectedAccessToken = protector.Protect(token),
            });
        return phoneNumberId;
    }

    /// <summary>The customer writes to the number, the way Meta's webhook reports it; waits until the conversation recorded it.</summary>
    public static async Task CustomerWritesAsync(this MessagingPlatform platform, Tenant tenant, string phoneNumberId, string from, string text)
    {
        var updates = SandboxCustomer.Writes(phoneNumberId, from, text, DateTimeOffset.UtcNow);
        await platform.Services.GetRequiredService<IBus>().Publish(updates);
        await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var page = await tenant.Client.GetAsync($"/v1/messages?customer={from}&direction=inbound&phone_number_id={phoneNumberId}", HttpStatusCode.OK);
            return page.GetProperty("data").EnumerateArray().FirstOrDefault(message => message.GetProperty("wamid").GetString() == updates.Messages[0].Wamid) is { ValueKind: JsonValueKind.Object } found
                ? found
                : null;
        });
    }

    /// <summary>An APPROVED template, as Meta's review leaves it.</summary>
    public static Task AddTemplateAsync(this MessagingPlatform platform, Tenant tenant, string name, string category, string components, string status = TemplateStatuses.Approved)
    {
        var grains = platform.Services.GetRequiredService<IGrainFactory>();
        var definition = new TemplateDefinition(PlatformIds.New("tpl", DateTimeOffset.UtcNow), name, "en_US", category, status, components);
        return grains.GetGrain<ITemplateGrain>(new TemplateKey(tenant.Id, name, "en_US").ToString()).CreateAsync(definition, TimeSpan.FromDays(1));
    }

    public static Task OptInAsync(this Tenant tenant, string waId) =>
        tenant.Client.PostAsync($"/v1/contacts/{waId}/opt-in", new { source = "checkout form", proof = "Ticked: send me order updates on WhatsApp" }, HttpStatusCode.OK);

    public static async Task<string> SendAcceptedAsync(this Tenant tenant, object body)
    {
        var accepted = await tenant.Client.PostAsync("/v1/messages", body, HttpStatusCode.Accepted);
        return accepted.GetProperty("id").GetString()!;
    }

    public static async Task<string> RefusalAsync(this Tenant tenant, object body)
    {
        var problem = await PlatformClient.ExpectAsync(await tenant.Client.PostAsync("/v1/messages", body), HttpStatusCode.UnprocessableEntity);
        return problem.GetProperty("code").GetString()!;
    }
}
