using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Testing;

namespace Platform.Media.Tests;

/// <summary>
/// Files sent by our id reach Meta as Meta's media id of the sending number: uploaded with the number's token when the
/// tenant names the number at upload, or on the first send from that number.
/// </summary>
[Collection(MediaPlatformGroup.Name)]
public sealed class Sending_uploaded_media(MediaPlatform platform)
{
    [Fact]
    public async Task Should_upload_to_meta_with_the_numbers_token_when_the_upload_names_a_cloud_api_number()
    {
        var tenant = await platform.NewTenantAsync();
        var number = await platform.AddCloudNumberAsync(tenant);
        var bytes = Scenario.Jpeg();

        var uploaded = await platform.UploadedAsync(tenant, bytes, "image/png", "receipt.png", number);

        var upload = Assert.Single(platform.Graph.Uploads, upload => upload.PhoneNumberId == number);
        Assert.Equal("image/png", upload.Type);
        Assert.Equal("image/png", upload.FileContentType);
        Assert.Equal("receipt.png", upload.FileName);
        Assert.Equal(bytes, upload.Bytes);
        Assert.Equal(upload.MediaId, uploaded.GetProperty("meta_media_ids").GetProperty(number).GetString());
        Assert.Equal(number, uploaded.GetProperty("phone_number_id").GetString());
    }

    [Fact]
    public async Task Should_send_an_image_by_our_id_with_metas_media_id_uploading_it_once_for_the_sending_number()
    {
        var tenant = await platform.NewTenantAsync();
        var number = await platform.AddCloudNumberAsync(tenant);
        var customer = Scenario.NewCustomer();
        var bytes = Scenario.Jpeg();
        var mediaId = (await platform.UploadedAsync(tenant, bytes, "image/jpeg", "statement.jpg")).GetProperty("id").GetString()!;
        await platform.CustomerWritesAsync(tenant, number, customer);

        var accepted = await tenant.Client.PostAsync(
            "/v1/messages",
            new { from = number, to = customer, type = "image", image = new { id = mediaId, caption = "Your statement" } },
            HttpStatusCode.Accepted);
        await tenant.WaitForStatusAsync(accepted.GetProperty("id").GetString()!, "sent");
        var cloud = await SendThroughCloudEndpointAsync(tenant, number, customer, mediaId);

        var upload = Assert.Single(platform.Graph.Uploads, upload => upload.PhoneNumberId == number);
        Assert.Equal(bytes, upload.Bytes);
        Assert.Equal("image/jpeg", upload.Type);
        var sent = await Eventually.GetAsync(() =>
            platform.Graph.Sent.Where(request => request.PhoneNumberId == number).ToList() is { Count: 2 } both ? both : null);
        Assert.All(sent, request =>
        {
            Assert.Equal(upload.MediaId, request.Body.GetProperty("image").GetProperty("id").GetString());
            Assert.Equal("Your statement", request.Body.GetProperty("image").GetProperty("caption").GetString());
        });
        var stored = await tenant.Client.GetAsync($"/v1/messages/{cloud}", HttpStatusCode.OK);
        Assert.Equal(mediaId, stored.GetProperty("image").GetProperty("id").GetString());
        var metadata = await tenant.Client.GetAsync($"/v1/media/{mediaId}/metadata", HttpStatusCode.OK);
        Assert.Equal(upload.MediaId, metadata.GetProperty("meta_media_ids").GetProperty(number).GetString());
    }

    [Fact]
    public async Task Should_send_our_id_as_it_is_from_a_sandbox_number_without_calling_meta()
    {
        var tenant = await platform.NewTenantAsync();
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        var mediaId = (await platform.UploadedAsync(tenant, Scenario.Jpeg(), "image/jpeg")).GetProperty("id").GetString()!;
        await tenant.Client.PostAsync("/v1/sandbox/inbound", new { phone_number_id = number, from = customer, text = "Send the picture" }, HttpStatusCode.Accepted);
        await Eventually.GetValueAsync(async () =>
            (await tenant.Client.GetAsync($"/v1/conversations/{customer}?phone_number_id={number}")).StatusCode == HttpStatusCode.OK ? true : (bool?)null);

        var accepted = await tenant.Client.PostAsync(
            "/v1/messages", new { from = number, to = customer, type = "image", image = new { id = mediaId } }, HttpStatusCode.Accepted);

        var sent = await tenant.WaitForStatusAsync(accepted.GetProperty("id").GetString()!, "read");
        Assert.Equal(mediaId, sent.GetProperty("image").GetProperty("id").GetString());
        Assert.DoesNotContain(platform.Graph.Uploads, upload => upload.PhoneNumberId == number);
    }

    [Fact]
    public async Task Should_refuse_a_send_naming_a_media_id_the_tenant_does_not_have()
    {
        var tenant = await platform.NewTenantAsync();
        var other = await platform.NewTenantAsync();
        var number = await platform.AddCloudNumberAsync(tenant);
        var customer = Scenario.NewCustomer();
        var othersMedia = (await platform.UploadedAsync(other, Scenario.Jpeg(), "image/jpeg")).GetProperty("id").GetString()!;
        await platform.CustomerWritesAsync(tenant, number, customer);

        foreach (var mediaId in new[] { othersMedia, "med_01JD0000000000000000000000" })
        {
            var problem = await PlatformClient.ExpectAsync(
                await tenant.Client.PostAsync("/v1/messages", new { from = number, to = customer, type = "image", image = new { id = mediaId } }),
                HttpStatusCode.UnprocessableEntity);
            Assert.Equal("media_not_found", problem.GetProperty("code").GetString());
        }

        using var cloud = await CloudSendAsync(tenant, number, customer, othersMedia);
        var error = await PlatformClient.ExpectAsync(cloud, HttpStatusCode.BadRequest);
        Assert.StartsWith("media_not_found", error.GetProperty("error").GetProperty("error_data").GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(platform.Graph.Sent, request => request.PhoneNumberId == number);
    }

    [Fact]
    public async Task Should_refuse_a_file_as_a_type_whatsapp_does_not_send_it_as()
    {
        var tenant = await platform.NewTenantAsync();
        var number = await platform.AddCloudNumberAsync(tenant);
        var customer = Scenario.NewCustomer();
        var pdf = (await platform.UploadedAsync(tenant, Scenario.Jpeg(), "application/pdf", "statement.pdf")).GetProperty("id").GetString()!;
        await platform.CustomerWritesAsync(tenant, number, customer);

        var problem = await PlatformClient.ExpectAsync(
            await tenant.Client.PostAsync("/v1/messages", new { from = number, to = customer, type = "image", image = new { id = pdf } }),
            HttpStatusCode.UnprocessableEntity);

        Assert.Equal("media_type_mismatch", problem.GetProperty("code").GetString());
        await tenant.Client.PostAsync(
            "/v1/messages", new { from = number, to = customer, type = "document", document = new { id = pdf, filename = "statement.pdf" } }, HttpStatusCode.Accepted);
    }

    private async Task<string> SendThroughCloudEndpointAsync(Tenant tenant, string number, string customer, string mediaId)
    {
        using var response = await CloudSendAsync(tenant, number, customer, mediaId);
        var answer = await PlatformClient.ExpectAsync(response, HttpStatusCode.OK);
        return answer.GetProperty("messages")[0].GetProperty("id").GetString()!;
    }

    private async Task<HttpResponseMessage> CloudSendAsync(Tenant tenant, string number, string customer, string mediaId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/cloud/v23.0/{number}/messages")
        {
            Content = JsonContent.Create(new
            {
                messaging_product = "whatsapp",
                recipient_type = "individual",
                to = customer,
                type = "image",
                image = new { id = mediaId, caption = "Your statement" },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
        return await platform.CreateClient().SendAsync(request);
    }
}
