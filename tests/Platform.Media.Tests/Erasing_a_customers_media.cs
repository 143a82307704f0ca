using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Media;
using Platform.Testing;

namespace Platform.Media.Tests;

/// <summary>
/// Erasing a customer takes their files: what they sent, and what was sent to them alone; a file the tenant also sent to
/// others stays, without the link to the erased customer.
/// </summary>
[Collection(MediaPlatformGroup.Name)]
public sealed class Erasing_a_customers_media(MediaPlatform platform)
{
    [Fact]
    public async Task Should_delete_what_the_customer_sent_and_what_was_sent_to_them_alone()
    {
        var tenant = await platform.NewTenantAsync();
        var number = await platform.AddCloudNumberAsync(tenant);
        await tenant.AddWebhookAsync(platform.Receiver.Url);
        var customer = Scenario.NewCustomer();
        var otherCustomer = Scenario.NewCustomer();
        var metaId = platform.Graph.AddCustomerMedia(number, "image/png", Scenario.Jpeg());
        var wamid = MetaWebhook.NewWamid();
        await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, customer, MetaWebhook.Media(wamid, customer, "image", metaId, "image/png")));
        var received = await platform.Receiver.WaitForAsync(delivery => delivery.Body.Contains(wamid, StringComparison.Ordinal));
        var sentByCustomer = received.Data.GetProperty("message").GetProperty("image").GetProperty("media_id").GetString()!;
        var statement = (await platform.UploadedAsync(tenant, Scenario.Jpeg(), "application/pdf", "statement.pdf")).GetProperty("id").GetString()!;
        var brochure = (await platform.UploadedAsync(tenant, Scenario.Jpeg(), "image/jpeg", "brochure.jpg")).GetProperty("id").GetString()!;
        await platform.CustomerWritesAsync(tenant, number, otherCustomer);
        await tenant.Client.PostAsync("/v1/messages", new { from = number, to = customer, type = "document", document = new { id = statement } }, HttpStatusCode.Accepted);
        await tenant.Client.PostAsync("/v1/messages", new { from = number, to = customer, type = "image", image = new { id = brochure } }, HttpStatusCode.Accepted);
        await tenant.Client.PostAsync("/v1/messages", new { from = number, to = otherCustomer, type = "image", image = new { id = brochure } }, HttpStatusCode.Accepted);
        var store = platform.Services.GetRequiredService<IMediaStore>();

        var listed = await store.ListByCustomerAsync(tenant.Id, customer, CancellationToken.None);
        var deleted = await store.DeleteByCustomerAsync(tenant.Id, customer, CancellationToken.None);

        Assert.Equal(new[] { brochure, sentByCustomer, statement }.Order(StringComparer.Ordinal), listed.Select(record => record.Id).Order(StringComparer.Ordinal));
        Assert.Equal(2, deleted);
        Assert.Null(await store.GetAsync(tenant.Id, sentByCustomer, CancellationToken.None));
        Assert.Null(await store.GetAsync(tenant.Id, statement, CancellationToken.None));
        var kept = await store.GetAsync(tenant.Id, brochure, CancellationToken.None);
        Assert.Equal([otherCustomer], kept!.Customers);
        Assert.Empty(await store.ListByCustomerAsync(tenant.Id, customer, CancellationToken.None));
    }

    [Fact]
    public async Task Should_delete_the_customers_files_when_the_tenant_erases_the_customer()
    {
        var tenant = await platform.NewTenantAsync();
        var number = await platform.AddCloudNumberAsync(tenant);
        await tenant.AddWebhookAsync(platform.Receiver.Url);
        var customer = Scenario.NewCustomer();
        var metaId = platform.Graph.AddCustomerMedia(number, "image/jpeg", Scenario.Jpeg());
        var wamid = MetaWebhook.NewWamid();
        await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, customer, MetaWebhook.Media(wamid, customer, "image", metaId, "image/jpeg")));
        var received = await platform.Receiver.WaitForAsync(delivery => delivery.Body.Contains(wamid, StringComparison.Ordinal));
        var mediaId = received.Data.GetProperty("message").GetProperty("image").GetProperty("media_id").GetString()!;

        using var erased = await platform.CallAsync(tenant.Key, HttpMethod.Delete, $"/v1/contacts/{customer}");

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        using var download = await platform.CallAsync(tenant.Key, HttpMethod.Get, $"/v1/media/{mediaId}");
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }
}
