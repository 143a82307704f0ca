using System.Text.Json;

namespace Platform.Testing;

/// <summary>One webhook delivery as the tenant's server saw it.</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, string Body, JsonElement Event)
{
    public string Type => Event.GetProperty("type").GetString()!;

    public JsonElement Data => Event.GetProperty("data");
}
