using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Testing;

/// <summary>Calls the public API as one caller (operator or tenant key), the way a tenant's code would.</summary>
public sealed class PlatformClient(HttpClient http, string? key)
{
    public PlatformClient WithKey(string? other) => new(http, other);

    /// <summary>The same caller against another host (a restarted process).</summary>
    public PlatformClient WithHttp(HttpClient other) => new(other, key);

    public Task<HttpResponseMessage> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, JsonContent.Create(body));

    public Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        SendAsync(HttpMethod.Post, path, new StringContent(json, new MediaTypeHeaderValue("application/json")));

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    /// <summary>POSTs and returns the JSON answer, failing unless the status is <paramref name="expected"/>.</summary>
    public async Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected) =>
        await ExpectAsync(await PostAsync(path, body), expected);

    public async Task<JsonElement> GetAsync(string path, HttpStatusCode expected) => await ExpectAsync(await GetAsync(path), expected);

    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        }

        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return await http.SendAsync(request);
    }
}
