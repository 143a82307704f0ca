using System.Net;
using System.Text.Json;

namespace Platform.Tenancy.Tests;

/// <summary>An answer of the API: status, raw body, its JSON, and Retry-After when given.</summary>
public sealed record Response(HttpStatusCode Status, string Body, JsonElement Json, TimeSpan? RetryAfter)
{
    public string? Code => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("code", out var code) ? code.GetString() : null;
}
