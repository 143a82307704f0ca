using System.Text.Json;

namespace Platform.WhatsApp.Messages;

/// <summary>What is wrong with a request, by field path (<c>interactive.action.buttons[3].reply.title</c>).</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string error)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(error);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>The string at <paramref name="name"/>; adds an error when it is missing (and required), not a string, or too long.</summary>
    public string? Text(JsonElement parent, string name, string path, int maxLength, bool required, int minLength = 1)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Add(path, $"Required: a string of {minLength} to {maxLength} characters.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Add(path, "Must be a string.");
            return null;
        }

        var text = value.GetString()!;
        if (text.Length < minLength || text.Length > maxLength)
        {
            Add(path, $"Must be {minLength} to {maxLength} characters long (it has {text.Length}).");
            return null;
        }

        return text;
    }

    /// <summary>The object at <paramref name="name"/>; adds an error when it is missing (and required) or not an object.</summary>
    public JsonElement? Obj(JsonElement parent, string name, string path, bool required)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Add(path, "Required: an object.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(path, "Must be an object.");
            return null;
        }

        return value;
    }

    /// <summary>The array at <paramref name="name"/> with <paramref name="min"/> to <paramref name="max"/> items.</summary>
    public JsonElement[]? Array(JsonElement parent, string name, string path, int min, int max, bool required)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Add(path, $"Required: an array of {min} to {max} items.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Add(path, "Must be an array.");
            return null;
        }

        var items = value.EnumerateArray().ToArray();
        if (items.Length < min || items.Length > max)
        {
            Add(path, $"Must hold {min} to {max} items (it has {items.Length}).");
            return null;
        }

        return items;
    }

    /// <summary>A boolean at <paramref name="name"/> when present.</summary>
    public void OptionalBoolean(JsonElement parent, string name, string path)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
        {
            Add(path, "Must be true or false.");
        }
    }

    /// <summary>A number at <paramref name="name"/> between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public void Number(JsonElement parent, string name, string path, double min, double max)
    {
        if (!parent.TryGetProperty(name, out var value) || !TryNumber(value, out var number))
        {
            Add(path, $"Required: a number from {min} to {max}.");
        }
        else if (number < min || number > max)
        {
            Add(path, $"Must be from {min} to {max}.");
        }
    }

    // Meta takes coordinates as numbers or as numeric strings.
    private static bool TryNumber(JsonElement value, out double number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out number),
            JsonValueKind.String => double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }
}
