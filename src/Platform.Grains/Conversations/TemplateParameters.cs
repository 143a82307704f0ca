using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Grains.Templates;

namespace Platform.Grains.Conversations;

/// <summary>
/// Checks a template send's parameters against the template's placeholders, as Meta would (its 132000): the header's one
/// text or media parameter, one body parameter per placeholder (by position, or by name for named templates), and one
/// parameter for each button that takes one (a URL with a placeholder, a coupon code, an OTP copy-code or one-tap button).
/// </summary>
public static partial class TemplateParameters
{
    /// <summary>Null when the parameters fit; otherwise a sentence saying what does not.</summary>
    public static string? Check(TemplateDefinition template, string sendContent)
    {
        using var definition = JsonDocument.Parse(template.Components);
        using var send = JsonDocument.Parse(sendContent);
        var given = Given(send.RootElement);
        var expected = Expected(definition.RootElement, template.Category);
        var name = $"Template '{template.Name}' ({template.Language})";

        foreach (var (component, expectation) in expected)
        {
            var parameters = given.GetValueOrDefault(component) ?? [];
            if (parameters.Count != expectation.Count)
            {
                return $"{name} expects {expectation.Count} {component} parameter(s); the request gives {parameters.Count}.";
            }

            if (expectation.Kind is { } kind && parameters.Any(parameter => Type(parameter) != kind))
            {
                return $"{name} expects a {kind} parameter for {component}.";
            }

            if (expectation.Names is { Count: > 0 } names)
            {
                var givenNames = parameters.Select(parameter => parameter.TryGetProperty("parameter_name", out var value) ? value.GetString() : null).ToHashSet();
                if (!names.SetEquals(givenNames!))
                {
                    return $"{name} expects the named {component} parameters {string.Join(", ", names.Order())}.";
                }
            }
        }

        foreach (var (component, parameters) in given)
        {
            if (!expected.ContainsKey(component) && !(component.StartsWith("button", StringComparison.Ordinal) && parameters.All(parameter => Type(parameter) == "payload")))
            {
                return $"{name} has no placeholder for {component} parameters; remove them.";
            }
        }

        return null;
    }

    private sealed record Expectation(int Count, string? Kind, HashSet<string>? Names);

    private static Dictionary<string, Expectation> Expected(JsonElement components, string category)
    {
        var expected = new Dictionary<string, Expectation>(StringComparer.Ordinal);
        if (components.ValueKind != JsonValueKind.Array)
        {
            return expected;
        }

        foreach (var component in components.EnumerateArray())
        {
            switch (Upper(component, "type"))
            {
                case "HEADER":
                    var format = Upper(component, "format") ?? "TEXT";
                    if (format == "TEXT")
                    {
                        AddPlaceholders(expected, "header", Text(component, "text"), "text");
                    }
                    else if (format is "IMAGE" or "VIDEO" or "DOCUMENT" or "LOCATION")
                    {
                        expected["header"] = new Expectation(1, format.ToLowerInvariant(), null);
                    }

                    break;
                case "BODY":
                    if (category == "AUTHENTICATION" && Text(component, "text") is null)
                    {
                        // Meta writes authentication bodies itself: "{{1}} is your verification code."
                        expected["body"] = new Expectation(1, "text", null);
                    }
                    else
                    {
                        AddPlaceholders(expected, "body", Text(component, "text"), null);
                    }

                    break;
                case "BUTTONS" when component.TryGetProperty("buttons", out var buttons) && buttons.ValueKind == JsonValueKind.Array:
                    var index = 0;
                    foreach (var button in buttons.EnumerateArray())
                    {
                        var key = $"button {index++}";
                        switch (Upper(button, "type"))
                        {
                            case "URL" when Placeholders().IsMatch(Text(button, "url") ?? ""):
                                expected[key] = new Expectation(1, "text", null);
                                break;
                            case "COPY_CODE":
                                expected[key] = new Expectation(1, "coupon_code", null);
                                break;
                            case "OTP" when Upper(button, "otp_type") is "COPY_CODE" or "ONE_TAP" or null:
                                expected[key] = new Expectation(1, "text", null);
                                break;
                        }
                    }

                    break;
            }
        }

        return expected;
    }

    private static void AddPlaceholders(Dictionary<string, Expectation> expected, string component, string? text, string? kind)
    {
        var placeholders = Placeholders().Matches(text ?? "").Select(match => match.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        if (placeholders.Count == 0)
        {
            return;
        }

        var named = placeholders.Any(placeholder => !placeholder.All(char.IsAsciiDigit));
        expected[component] = new Expectation(placeholders.Count, kind, named ? placeholders.ToHashSet(StringComparer.Ordinal) : null);
    }

    private static Dictionary<string, List<JsonElement>> Given(JsonElement template)
    {
        var given = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        if (!template.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
        {
            return given;
        }

        foreach (var component in components.EnumerateArray())
        {
            var type = Text(component, "type")?.ToLowerInvariant();
            var key = type == "button" && component.TryGetProperty("index", out var index)
                ? $"button {(index.ValueKind == JsonValueKind.Number ? index.GetRawText() : index.GetString())}"
                : type ?? "";
            var parameters = component.TryGetProperty("parameters", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
            given[key] = [.. given.GetValueOrDefault(key) ?? [], .. parameters];
        }

        return given;
    }

    private static string? Type(JsonElement parameter) => Text(parameter, "type");

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Upper(JsonElement element, string name) => Text(element, name)?.ToUpperInvariant();

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholders();
}
