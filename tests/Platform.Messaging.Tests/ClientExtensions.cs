using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>Calls the public API with what <see cref="PlatformClient"/> does not cover: PUT, and headers such as Idempotency-Key.</summary>
public static class ClientExtensions
{
    public static async Task<JsonElement> PutAsync(this MessagingPlatform platform, Tenant tenant, string path, object body) =>
        await PlatformClient.ExpectAsync(await platform.CallAsync(tenant.Key, HttpMethod.Put, path, JsonContent.Create(body)), HttpStatusCode.OK);

    public static Task<HttpResponseMessage> PostWithKeyAsync(this MessagingPlatform platform, Tenant tenant, string path, object body, string idempotencyKey) =>
        platform.CallAsync(tenant.Key, HttpMethod.Post, path, JsonContent.Create(body), ("Idempotency-Key", idempotencyKey));

    public static Task<HttpResponseMessage> PostJsonAsync(this MessagingPlatform platform, string? key, string path, string json) =>
        platform.CallAsync(key, HttpMethod.Post, path, new StringContent(json, new MediaTypeHeaderValue("application/json")));

    public static async Task<HttpResponseMessage> CallAsync(
        this MessagingPlatform platform, string? key, HttpMethod method, string path, HttpContent? content, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await platform.CreateClient().SendAsync(request);
    }
}
