using System.Net;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Media.Tests;

/// <summary>
/// A customer's file reaches the tenant as our media id: fetched from Meta on arrival with the number's token, kept once
/// however often Meta repeats the webhook, retried when Meta stumbles, and never holding its message back when it fails.
/// </summary>
[Collection(MediaPlatformGroup.Name)]
public sealed class Receiving_customer_media(MediaPlatform platform)
{
    [Fact]
    public async Task Should_give_the_tenant_our_media_id_in_message_received_and_serve_the_bytes_meta_served()
    {
        var (tenant, number) = await SetUpAsync();
        var customer = Scenario.NewCustomer();
        var bytes = Scenario.Jpeg(3000);
        var metaId = platform.Graph.AddCustomerMedia(number, "image/jpeg", bytes);
        var wamid = MetaWebhook.NewWamid();

        var response = await MetaWebhook.PostAsync(
            platform.Meta, MetaWebhook.Messages(number, customer, MetaWebhook.Media(wamid, customer, "image", metaId, "image/jpeg", caption: "The broken part")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var image = (await ReceivedAsync(wamid)).GetProperty("image");
        Assert.Equal(metaId, image.GetProperty("id").GetString());
        Assert.Equal("The broken part", image.GetProperty("caption").GetString());
        Assert.Equal("stored", image.GetProperty("media_status").GetString());
        var mediaId = image.GetProperty("media_id").GetString()!;
        Assert.StartsWith("med_", mediaId, StringComparison.Ordinal);

        using var download = await platform.CallAsync(tenant.Key, HttpMethod.Get, $"/v1/media/{mediaId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        var metadata = await tenant.Client.GetAsync($"/v1/media/{mediaId}/metadata", HttpStatusCode.OK);
        Assert.Equal("received", metadata.GetProperty("direction").GetString());
        Assert.Equal(customer, metadata.GetProperty("from").GetString());
        Assert.Equal(number, metadata.GetProperty("phone_number_id").GetString());

        var history = await tenant.Client.GetAsync($"/v1/messages?customer={customer}&direction=inbound", HttpStatusCode.OK);
        Assert.Equal(mediaId, history.GetProperty("data")[0].GetProperty("image").GetProperty("media_id").GetString());

        // Code moved from Meta looks the file up by Meta's id on the Cloud-API-compatible path, and gets our copy.
        var described = await PlatformClient.ExpectAsync(await platform.CallAsync(tenant.Key, HttpMethod.Get, $"/cloud/v23.0/{metaId}"), HttpStatusCode.OK);
        Assert.Equal(mediaId, described.GetProperty("id").GetString());
        Assert.EndsWith($"/v1/media/{mediaId}", described.GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_fetch_and_keep_the_file_once_when_meta_delivers_the_webhook_again()
    {
        var (_, number) = await SetUpAsync();
        var customer = Scenario.NewCustomer();
        var metaId = platform.Graph.AddCustomerMedia(number, "application/pdf", Scenario.Jpeg());
        var wamid = MetaWebhook.NewWamid();
        var body = MetaWebhook.Messages(number, customer, MetaWebhook.Media(wamid, customer, "document", metaId, "application/pdf", filename: "invoice.pdf"));

        await MetaWebhook.PostAsync(platform.Meta, body);
        var first = (await ReceivedAsync(wamid)).GetProperty("document").GetProperty("media_id").GetString();
        await MetaWebhook.PostAsync(platform.Meta, body);
        var marker = MetaWebhook.NewWamid();
        await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, customer, MetaWebhook.Media(marker, customer, "document", metaId, "application/pdf")));
        var second = (await ReceivedAsync(marker)).GetProperty("document").GetProperty("media_id").GetString();

        Assert.Equal(2, platform.Graph.DownloadAttempts(metaId));
        Assert.NotEqual(first, second);
        Assert.Single(platform.Receiver.Received, received => received.Body.Contains(wamid, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_try_again_when_meta_fails_for_a_moment_and_then_store_the_file()
    {
        var (tenant, number) = await SetUpAsync();
        var customer = Scenario.NewCustomer();
        var bytes = Scenario.Jpeg();
        var metaId = platform.Graph.AddCustomerMedia(number, "audio/ogg", bytes);
        platform.Graph.FailDownloads(metaId, times: 2, status: 503);
        var wamid = MetaWebhook.NewWamid();

        await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, customer, MetaWebhook.Media(wamid, customer, "audio", metaId, "audio/ogg; codecs=opus")));

        var audio = (await ReceivedAsync(wamid)).GetProperty("audio");
        Assert.Equal(3, platform.Graph.DownloadAttempts(metaId));
        Assert.Equal("stored", audio.GetProperty("media_status").GetString());
        using var download = await platform.CallAsync(tenant.Key, HttpMethod.Get, $"/v1/media/{audio.GetProperty("media_id").GetString()}");
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Should_still_deliver_the_message_saying_the_file_is_unavailable_when_meta_keeps_failing()
    {
        var (tenant, number) = await SetUpAsync();
        var customer = Scenario.NewCustomer();
        var metaId = platform.Graph.AddCustomerMedia(number, "video/mp4", Scenario.Jpeg());
        platform.Graph.FailDownloads(metaId, times: 100, status: 500);
        var wamid = MetaWebhook.NewWamid();

        await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(number, customer, MetaWebhook.Media(wamid, customer, "video", metaId, "video/mp4", caption: "Look")));

        var message = await ReceivedAsync(wamid);
        var video = message.GetProperty("video");
        Assert.Equal(3, platform.Graph.DownloadAttempts(metaId));
        Assert.Equal("unavailable", video.GetProperty("media_status").GetString());
        Assert.Contains("500", video.GetProperty("media_error").GetString(), StringComparison.Ordinal);
        Assert.False(video.TryGetProperty("media_id", out _));
        Assert.Equal(metaId, video.GetProperty("id").GetString());
        var stored = await tenant.Client.GetAsync($"/v1/messages/{message.GetProperty("id").GetString()}", HttpStatusCode.OK);
        Assert.Equal("unavailable", stored.GetProperty("video").GetProperty("media_status").GetString());
    }

    private async Task<(Tenant Tenant, string Number)> SetUpAsync()
    {
        var tenant = await platform.NewTenantAsync();
        var number = await platform.AddCloudNumberAsync(tenant);
        await tenant.AddWebhookAsync(platform.Receiver.Url);
        return (tenant, number);
    }

    /// <summary>The <c>data.message</c> of the message.received event for <paramref name="wamid"/>.</summary>
    private async Task<JsonElement> ReceivedAsync(string wamid)
    {
        var received = await platform.Receiver.WaitForAsync(received =>
            received.Type == "message.received" && received.Body.Contains(wamid, StringComparison.Ordinal));
        return received.Data.GetProperty("message");
    }
}
