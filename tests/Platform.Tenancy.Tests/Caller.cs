using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Tenancy.Tests;

/// <summary>Calls the public API with one key, with every method the portal uses, and returns status and JSON together.</summary>
public sealed class Caller(HttpClient http, string? key)
{
    public string? Key => key;

    public Caller WithKey(string? other) => new(http, other);

    public Task<Response> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<Response> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body ?? new { });

    public Task<Response> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, body);

    public Task<Response> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public async Task<JsonElement> ExpectAsync(HttpMethod method, string path, HttpStatusCode expected, object? body = null)
    {
        var response = await SendAsync(method, path, body);
        return response.Status == expected
            ? response.Json
            : throw new InvalidOperationException($"{method} {path}: expected {(int)expected} but got {(int)response.Status}: {response.Body}");
    }

    public async Task<Response> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body switch
            {
                HttpContent content => content,
                string raw => new StringContent(raw, new MediaTypeHeaderValue("application/json")),
                _ => JsonContent.Create(body),
            };
        }

        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Response(
            response.StatusCode,
            text,
            text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(),
            response.Headers.RetryAfter?.Delta);
    }
}
