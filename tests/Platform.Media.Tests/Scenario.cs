using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Grains.Identifiers;
using Platform.Grains.Routing;
using Platform.Grains.Tenants;
using Platform.Host.Security;
using Platform.Testing;
using Platform.WhatsApp.Sandbox;

namespace Platform.Media.Tests;

/// <summary>The steps media scenarios share: tenants, cloud_api numbers, uploads, customers writing.</summary>
public static class Scenario
{
    public static string NewCustomer() => "4915" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>Bytes that start like a JPEG file, different every time.</summary>
    public static byte[] Jpeg(int size = 2048)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        return bytes;
    }

    public static Task<Tenant> NewTenantAsync(this MediaPlatform platform) => Onboarding.CreateTenantAsync(platform.Operator);

    /// <summary>A <c>cloud_api</c> number with an encrypted access token, as tenancy registers it; the fake Graph API knows its token.</summary>
    public static async Task<string> AddCloudNumberAsync(this MediaPlatform platform, Tenant tenant)
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

    /// <summary>POSTs a multipart upload the way Meta's own upload is made; null parts are left out.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(
        this MediaPlatform platform, Tenant tenant, byte[]? file, string? type, string fileName = "photo.jpg", string? phoneNumberId = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent("whatsapp"), "messaging_product" } };
        if (type is not null)
        {
            form.Add(new StringContent(type), "type");
        }

        if (phoneNumberId is not null)
        {
            form.Add(new StringContent(phoneNumberId), "phone_number_id");
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue(type ?? "application/octet-stream");
            form.Add(content, "file", fileName);
        }

        return await platform.CallAsync(tenant.Key, HttpMethod.Post, "/v1/media", form);
    }

    /// <summary>Uploads and returns our media id, failing unless the answer is 201.</summary>
    public static async Task<JsonElement> UploadedAsync(
        this MediaPlatform platform, Tenant tenant, byte[] file, string type, string fileName = "photo.jpg", string? phoneNumberId = null) =>
        await PlatformClient.ExpectAsync(await platform.UploadAsync(tenant, file, type, fileName, phoneNumberId), HttpStatusCode.Created);

    public static async Task<HttpResponseMessage> CallAsync(this MediaPlatform platform, string? key, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await platform.CreateClient().SendAsync(request);
    }

    /// <summary>The customer writes to the number, the way Meta's webhook reports it; waits until the conversation recorded it.</summary>
    public static async Task CustomerWritesAsync(this MediaPlatform platform, Tenant tenant, string phoneNumberId, string from)
    {
        var updates = SandboxCustomer.Writes(phoneNumberId, from, "Can you send me the picture?", DateTimeOffset.UtcNow);
        await platform.Services.GetRequiredService<IBus>().Publish(updates);
        await Eventually.GetValueAsync<JsonElement>(async () =>
        {
            var page = await tenant.Client.GetAsync($"/v1/messages?customer={from}&direction=inbound&phone_number_id={phoneNumberId}", HttpStatusCode.OK);
            return page.GetProperty("data").GetArrayLength() > 0 ? page : null;
        });
    }
}
