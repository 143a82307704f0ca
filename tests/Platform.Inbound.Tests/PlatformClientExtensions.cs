using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>PATCH and DELETE as a tenant, which the shared client does not offer.</summary>
public static class PlatformClientExtensions
{
    public static async Task<HttpResponseMessage> SendAsync(this InboundPlatform platform, Tenant tenant, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenant.Key);
        return await platform.CreateClient().SendAsync(request);
    }
}
