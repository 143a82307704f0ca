using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Media.Tests;

/// <summary>Tenants upload files like Meta's own upload, within Meta's types and limits, and read them back.</summary>
[Collection(MediaPlatformGroup.Name)]
public sealed class Uploading_media(MediaPlatform platform)
{
    private static readonly string[] ReadOnly = ["messages:read"];

    [Fact]
    public async Task Should_store_an_upload_and_serve_the_same_bytes_with_its_type_and_name()
    {
        var tenant = await platform.NewTenantAsync();
        var bytes = Scenario.Jpeg(4096);

        var uploaded = await platform.UploadedAsync(tenant, bytes, "image/jpeg", "boarding-pass.jpg");

        var id = uploaded.GetProperty("id").GetString()!;
        Assert.StartsWith("med_", id, StringComparison.Ordinal);
        Assert.Equal("image/jpeg", uploaded.GetProperty("mime_type").GetString());
        Assert.Equal(4096, uploaded.GetProperty("file_size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), uploaded.GetProperty("sha256").GetString());
        Assert.Equal("uploaded", uploaded.GetProperty("direction").GetString());

        using var download = await platform.CallAsync(tenant.Key, HttpMethod.Get, $"/v1/media/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("boarding-pass.jpg", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        var metadata = await tenant.Client.GetAsync($"/v1/media/{id}/metadata", HttpStatusCode.OK);
        Assert.Equal("boarding-pass.jpg", metadata.GetProperty("file_name").GetString());
        Assert.Equal(JsonValueKind.Object, metadata.GetProperty("meta_media_ids").ValueKind);
    }

    [Fact]
    public async Task Should_refuse_a_type_meta_does_not_take_naming_the_type_field()
    {
        var tenant = await platform.NewTenantAsync();

        var problem = await PlatformClient.ExpectAsync(await platform.UploadAsync(tenant, Scenario.Jpeg(), "image/gif", "cat.gif"), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("type", out _));
    }

    [Fact]
    public async Task Should_refuse_an_image_over_metas_five_megabytes_naming_the_file_field()
    {
        var tenant = await platform.NewTenantAsync();

        var problem = await PlatformClient.ExpectAsync(
            await platform.UploadAsync(tenant, Scenario.Jpeg((5 * 1024 * 1024) + 1), "image/jpeg"), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request", problem.GetProperty("code").GetString());
        Assert.Contains("5,242,880", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_allow_an_animated_sticker_five_times_the_size_of_a_static_one()
    {
        var tenant = await platform.NewTenantAsync();
        var animated = Webp(200 * 1024, animated: true);
        var still = Webp(200 * 1024, animated: false);

        await platform.UploadedAsync(tenant, animated, "image/webp", "dancing.webp");
        var problem = await PlatformClient.ExpectAsync(await platform.UploadAsync(tenant, still, "image/webp", "still.webp"), HttpStatusCode.BadRequest);

        Assert.Contains("102,400", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_an_upload_without_a_file()
    {
        var tenant = await platform.NewTenantAsync();

        var problem = await PlatformClient.ExpectAsync(await platform.UploadAsync(tenant, null, "image/jpeg"), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Should_refuse_a_body_that_is_not_multipart_naming_the_file_field()
    {
        var tenant = await platform.NewTenantAsync();

        var problem = await PlatformClient.ExpectAsync(await tenant.Client.PostAsync("/v1/media", new { file = "aGVsbG8=" }), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_request", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Should_delete_a_file_so_it_is_gone()
    {
        var tenant = await platform.NewTenantAsync();
        var id = (await platform.UploadedAsync(tenant, Scenario.Jpeg(), "image/jpeg")).GetProperty("id").GetString()!;

        using var deleted = await platform.CallAsync(tenant.Key, HttpMethod.Delete, $"/v1/media/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.CallAsync(tenant.Key, HttpMethod.Get, $"/v1/media/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.CallAsync(tenant.Key, HttpMethod.Get, $"/v1/media/{id}/metadata")).StatusCode);
    }

    [Fact]
    public async Task Should_not_show_change_or_delete_one_tenants_file_for_another()
    {
        var owner = await platform.NewTenantAsync();
        var other = await platform.NewTenantAsync();
        var id = (await platform.UploadedAsync(owner, Scenario.Jpeg(), "image/jpeg")).GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await platform.CallAsync(other.Key, HttpMethod.Get, $"/v1/media/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.CallAsync(other.Key, HttpMethod.Get, $"/v1/media/{id}/metadata")).StatusCode);
        var problem = await PlatformClient.ExpectAsync(await platform.CallAsync(other.Key, HttpMethod.Delete, $"/v1/media/{id}"), HttpStatusCode.NotFound);
        Assert.Equal("not_found", problem.GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.OK, (await platform.CallAsync(owner.Key, HttpMethod.Get, $"/v1/media/{id}")).StatusCode);
    }

    [Fact]
    public async Task Should_need_the_media_write_scope_to_upload()
    {
        var tenant = await platform.NewTenantAsync();
        var key = await tenant.Client.PostAsync($"/v1/api-keys", new { name = "reader", scopes = ReadOnly }, HttpStatusCode.Created);

        var problem = await PlatformClient.ExpectAsync(
            await platform.UploadAsync(tenant with { Key = key.GetProperty("key").GetString()! }, Scenario.Jpeg(), "image/jpeg"), HttpStatusCode.Forbidden);

        Assert.Equal("insufficient_scope", problem.GetProperty("code").GetString());
    }

    /// <summary>A WebP file of <paramref name="size"/> bytes whose extended header says whether it is animated.</summary>
    private static byte[] Webp(int size, bool animated)
    {
        var bytes = new byte[size];
        "RIFF"u8.CopyTo(bytes);
        BitConverter.TryWriteBytes(bytes.AsSpan(4), size - 8);
        "WEBPVP8X"u8.CopyTo(bytes.AsSpan(8));
        BitConverter.TryWriteBytes(bytes.AsSpan(16), 10);
        bytes[20] = animated ? (byte)0x02 : (byte)0x00;
        return bytes;
    }
}
