using System.Text.Json.Nodes;

namespace Platform.WhatsApp.Media;

/// <summary>
/// Finds our media ids (<c>med_…</c>) where a message names a file: the media type's own object (<c>image.id</c>), and media
/// objects inside it (a template's or an interactive message's header: <c>{"type":"image","image":{"id":…}}</c>). Meta's
/// own media ids are digits, so a <c>med_</c> id is never one of Meta's.
/// </summary>
public static class MediaReferences
{
    public const string Prefix = "med_";

    private static readonly HashSet<string> MediaKeys = ["image", "video", "audio", "document", "sticker"];

    /// <summary>Whether <paramref name="id"/> is one of our media ids.</summary>
    public static bool IsOurs(string? id) => id is { Length: > 4 } && id.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Our media ids that a message of <paramref name="type"/> with <paramref name="content"/> names, each once.</summary>
    public static IReadOnlyList<string> Find(string type, string content)
    {
        if (!content.Contains(Prefix, StringComparison.Ordinal))
        {
            return [];
        }

        var found = new List<string>();
        Visit(JsonNode.Parse(content), MediaKeys.Contains(type), node =>
        {
            if (node["id"] is JsonValue value && value.TryGetValue<string>(out var id) && IsOurs(id) && !found.Contains(id))
            {
                found.Add(id);
            }
        });
        return found;
    }

    /// <summary><paramref name="content"/> with each of our ids replaced by Meta's id from <paramref name="metaIds"/>.</summary>
    public static string Replace(string type, string content, IReadOnlyDictionary<string, string> metaIds)
    {
        var root = JsonNode.Parse(content);
        Visit(root, MediaKeys.Contains(type), node =>
        {
            if (node["id"] is JsonValue value && value.TryGetValue<string>(out var id) && metaIds.TryGetValue(id, out var metaId))
            {
                node["id"] = metaId;
            }
        });
        return root?.ToJsonString() ?? content;
    }

    private static void Visit(JsonNode? node, bool isMedia, Action<JsonObject> onMedia)
    {
        switch (node)
        {
            case JsonObject obj:
                if (isMedia)
                {
                    onMedia(obj);
                }

                foreach (var (key, child) in obj.ToList())
                {
                    Visit(child, MediaKeys.Contains(key) && child is JsonObject, onMedia);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Visit(child, false, onMedia);
                }

                break;
        }
    }
}
