using System.Net;
using System.Net.Http.Headers;
using Platform.Testing;

namespace Platform.Media.Tests;

/// <summary>
/// Code written for Meta's media endpoints works against the Cloud-API-compatible path by changing its base URL and token:
/// upload answers an id that sends take, the description's URL serves the file to the same token, delete answers success.
/// </summary>
[Collection(MediaPlatformGroup.Name)]
public sealed class Using_metas_media_endpoints(MediaPlatform platform)
{
    [Fact]
    public async Task Should_upload_describe_download_and_delete_in_metas_shapes()
    {
        var tenant = await platform.NewTenantAsync();
        var number = await platform.AddCloudNumberAsync(tenant);
        var bytes = Scenario.Jpeg();

        using var form = Form(bytes, "image/jpeg", "menu.jpg");
        var uploaded = await PlatformClient.ExpectAsync(await platform.CallAsync(tenant.Key, HttpMethod.Post, $"/cloud/v23.0/{number}/media", form), HttpStatusCode.OK);
        var id = uploaded.GetProperty("id").GetString()!;
        var described = await PlatformClient.ExpectAsync(await platform.CallAsync(tenant.Key, HttpMethod.Get, $"/cloud/v23.0/{id}"), HttpStatusCode.OK);
        using var download = await platform.CallAsync(tenant.Key, HttpMethod.Get, new Uri(described.GetProperty("url").GetString()!).PathAndQuery);
        var deleted = await PlatformClient.ExpectAsync(await platform.CallAsync(tenant.Key, HttpMethod.Delete, $"/cloud/v23.0/{id}"), HttpStatusCode.OK);
        var gone = await PlatformClient.ExpectAsync(await platform.CallAsync(tenant.Key, HttpMethod.Get, $"/cloud/v23.0/{id}"), HttpStatusCode.BadRequest);

        Assert.StartsWith("med_", id, StringComparison.Ordinal);
        Assert.Single(platform.Graph.Uploads, upload => upload.PhoneNumberId == number && upload.Bytes.SequenceEqual(bytes));
        Assert.Equal("whatsapp", described.GetProperty("messaging_product").GetString());
        Assert.Equal("image/jpeg", described.GetProperty("mime_type").GetString());
        Assert.Equal(bytes.Length, described.GetProperty("file_size").GetInt64());
        Assert.Equal(id, described.GetProperty("id").GetString());
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.True(deleted.GetProperty("success").GetBoolean());
        Assert.Equal(100, gone.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_answer_a_type_meta_does_not_take_and_a_bad_token_in_metas_error_shape()
    {
        var tenant = await platform.NewTenantAsync();
        var number = await platform.AddCloudNumberAsync(tenant);

        using var gif = Form(Scenario.Jpeg(), "image/gif", "cat.gif");
        var invalid = await PlatformClient.ExpectAsync(await platform.CallAsync(tenant.Key, HttpMethod.Post, $"/cloud/v23.0/{number}/media", gif), HttpStatusCode.BadRequest);
        using var jpeg = Form(Scenario.Jpeg(), "image/jpeg", "cat.jpg");
        var unauthorized = await PlatformClient.ExpectAsync(await platform.CallAsync("not-a-key", HttpMethod.Post, $"/cloud/v23.0/{number}/media", jpeg), HttpStatusCode.Unauthorized);

        Assert.Equal(100, invalid.GetProperty("error").GetProperty("code").GetInt32());
        Assert.StartsWith("type:", invalid.GetProperty("error").GetProperty("error_data").GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.Equal(190, unauthorized.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Should_not_describe_or_delete_another_tenants_file()
    {
        var owner = await platform.NewTenantAsync();
        var other = await platform.NewTenantAsync();
        var id = (await platform.UploadedAsync(owner, Scenario.Jpeg(), "image/jpeg")).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, (await platform.CallAsync(other.Key, HttpMethod.Get, $"/cloud/v23.0/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.CallAsync(other.Key, HttpMethod.Delete, $"/cloud/v23.0/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.CallAsync(owner.Key, HttpMethod.Get, $"/cloud/v23.0/{id}")).StatusCode);
    }

    private static MultipartFormDataContent Form(byte[] bytes, string type, string fileName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent
        {
            { new StringContent("whatsapp"), "messaging_product" },
            { new StringContent(type), "type" },
            { file, "file", fileName },
        };
    }
}
