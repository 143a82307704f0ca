using System.Net;
using System.Net.Http.Headers;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Platform.Host.Media;
using Platform.Testing;

namespace Platform.Media.Tests.RealServices;

/// <summary>
/// Media with real services (run through ./test.sh): files in Azure Blob storage and their records in Table storage, kept
/// across a host restart, and the erase-by-customer hook against the same storage.
/// </summary>
public sealed class Media_on_Azurite
{
    [Fact]
    public async Task Should_keep_an_uploaded_file_in_blob_storage_across_a_host_restart()
    {
        var environment = await Platform.Testing.RealServices.IsolatedEnvironmentAsync("media");
        var bytes = Scenario.Jpeg(64 * 1024);
        Tenant tenant;
        string mediaId;
        await using (var host = await PlatformProcess.StartAsync(environment))
        {
            tenant = await Onboarding.CreateTenantAsync(new PlatformClient(host.Http, Platform.Testing.RealServices.OperatorKey));
            using var form = new MultipartFormDataContent { { new StringContent("whatsapp"), "messaging_product" }, { new StringContent("image/jpeg"), "type" } };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", "ticket.jpg");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/media") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
            var uploaded = await PlatformClient.ExpectAsync(await host.Http.SendAsync(request), HttpStatusCode.Created);
            mediaId = uploaded.GetProperty("id").GetString()!;
            await host.StopAsync();
        }

        await using (var restarted = await PlatformProcess.StartAsync(environment))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/media/{mediaId}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
            using var download = await restarted.Http.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        }

        var connection = Environment.GetEnvironmentVariable("PLATFORM_TEST_AZURE_STORAGE")!;
        var blob = new BlobServiceClient(connection).GetBlobContainerClient(AzureMediaStore.Container).GetBlobClient($"{tenant.Id}/{mediaId}");
        Assert.Equal(bytes.Length, (await blob.GetPropertiesAsync()).Value.ContentLength);
    }

    [Fact]
    public async Task Should_erase_a_customers_files_from_blob_and_table_storage()
    {
        var connection = Environment.GetEnvironmentVariable("PLATFORM_TEST_AZURE_STORAGE") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("PLATFORM_TEST_AZURE_STORAGE is not set: run the tests with ./test.sh.");
        var store = new AzureMediaStore(new BlobServiceClient(connection), new TableServiceClient(connection));
        await store.CreateAsync(CancellationToken.None);
        var tenantId = "ten_media_" + Guid.NewGuid().ToString("N");
        var customer = Scenario.NewCustomer();
        var other = Scenario.NewCustomer();
        var received = await SaveAsync(store, tenantId, MediaRecord.Received, customer);
        var sentAlone = await SaveAsync(store, tenantId, MediaRecord.Uploaded, null);
        var shared = await SaveAsync(store, tenantId, MediaRecord.Uploaded, null);
        await store.LinkCustomerAsync(tenantId, sentAlone, customer, CancellationToken.None);
        await store.LinkCustomerAsync(tenantId, shared, customer, CancellationToken.None);
        await store.LinkCustomerAsync(tenantId, shared, other, CancellationToken.None);

        Assert.Equal(received, await store.FindReceivedAsync(tenantId, $"meta-{received}", CancellationToken.None));
        Assert.Equal(3, (await store.ListByCustomerAsync(tenantId, customer, CancellationToken.None)).Count);
        Assert.Equal(2, await store.DeleteByCustomerAsync(tenantId, customer, CancellationToken.None));

        Assert.Null(await store.OpenAsync(tenantId, received, CancellationToken.None));
        Assert.Null(await store.FindReceivedAsync(tenantId, $"meta-{received}", CancellationToken.None));
        Assert.Null(await store.GetAsync(tenantId, sentAlone, CancellationToken.None));
        Assert.Equal([other], (await store.GetAsync(tenantId, shared, CancellationToken.None))!.Customers);
        Assert.Empty(await store.ListByCustomerAsync(tenantId, customer, CancellationToken.None));
        Assert.False(await new BlobServiceClient(connection).GetBlobContainerClient(AzureMediaStore.Container).GetBlobClient($"{tenantId}/{received}").ExistsAsync());
        await using var kept = await store.OpenAsync(tenantId, shared, CancellationToken.None);
        Assert.NotNull(kept);
    }

    private static async Task<string> SaveAsync(AzureMediaStore store, string tenantId, string direction, string? customer)
    {
        var bytes = Scenario.Jpeg();
        var id = Platform.Grains.Identifiers.PlatformIds.New("med", DateTimeOffset.UtcNow);
        await store.SaveAsync(
            new MediaRecord
            {
                TenantId = tenantId,
                Id = id,
                MimeType = "image/jpeg",
                Size = bytes.Length,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
                Direction = direction,
                CustomerWaId = customer,
                MetaSourceId = customer is null ? null : $"meta-{id}",
                CreatedAt = DateTimeOffset.UtcNow,
            },
            new MemoryStream(bytes),
            CancellationToken.None);
        return id;
    }
}
