using System.Text.Json;

namespace Platform.Grains.Tenants.Indexes;

/// <summary>How index rows hold their data: JSON, the same as the API writes it.</summary>
internal static class IndexJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"An index row holds no {typeof(T).Name}.");
}
