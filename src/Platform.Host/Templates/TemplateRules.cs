using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Host.Templates;

/// <summary>
/// Meta's template rules, checked before anything is stored or submitted: name charset and length, category, language
/// code, the components and their limits, and placeholders <c>{{1}}</c>..<c>{{n}}</c> numbered consecutively per component
/// with an example value for each.
/// </summary>
public static partial class TemplateRules
{
    public const int MaxNameLength = 512;
    public const int MaxBodyLength = 1024;
    public const int MaxHeaderTextLength = 60;
    public const int MaxFooterLength = 60;
    public const int MaxButtons = 10;
    public const int MaxButtonTextLength = 25;

    public static readonly IReadOnlyList<string> Categories = ["MARKETING", "UTILITY", "AUTHENTICATION"];
    private static readonly string[] HeaderFormats = ["TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION"];
    private static readonly string[] ButtonTypes = ["QUICK_REPLY", "URL", "PHONE_NUMBER", "COPY_CODE", "OTP", "FLOW"];

    public static Dictionary<string, string[]> Validate(CreateTemplateRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Name is not { Length: > 0 and <= MaxNameLength } name || !NamePattern().IsMatch(name))
        {
            errors["name"] = [$"The name must be 1 to {MaxNameLength} characters of lower-case letters, digits and '_'."];
        }

        if (request.Language is null || !LanguagePattern().IsMatch(request.Language))
        {
            errors["language"] = ["The language must be a Meta language code, such as en, en_US or pt_BR."];
        }

        if (request.Category is null || !Categories.Contains(request.Category))
        {
            errors["category"] = [$"The category must be one of: {string.Join(", ", Categories)}."];
        }

        if (request.Components is not { ValueKind: JsonValueKind.Array } components || components.GetArrayLength() == 0)
        {
            errors["components"] = ["The components must be a non-empty array with one BODY."];
            return errors;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var component in components.EnumerateArray())
        {
            var field = $"components[{index++}]";
            var type = component.ValueKind == JsonValueKind.Object && component.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()!.ToUpperInvariant()
                : null;
            if (type is not ("HEADER" or "BODY" or "FOOTER" or "BUTTONS"))
            {
                errors[$"{field}.type"] = ["The type must be one of: HEADER, BODY, FOOTER, BUTTONS."];
                continue;
            }

            if (!seen.Add(type))
            {
                errors[$"{field}.type"] = [$"A template has at most one {type}."];
                continue;
            }

            switch (type)
            {
                case "HEADER":
                    ValidateHeader(component, field, errors);
                    break;
                case "BODY":
                    ValidateText(component, field, MaxBodyLength, "body_text", nested: true, errors);
                    break;
                case "FOOTER":
                    if (Text(component) is not { Length: > 0 and <= MaxFooterLength } footer || footer.Contains("{{", StringComparison.Ordinal))
                    {
                        errors[$"{field}.text"] = [$"A footer is 1 to {MaxFooterLength} characters, without placeholders."];
                    }

                    break;
                default:
                    ValidateButtons(component, field, errors);
                    break;
            }
        }

        if (!seen.Contains("BODY"))
        {
            errors["components"] = ["A template needs one BODY component."];
        }

        return errors;
    }

    private static void ValidateHeader(JsonElement component, string field, Dictionary<string, string[]> errors)
    {
        var format = component.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()!.ToUpperInvariant() : null;
        if (format is null || !HeaderFormats.Contains(format))
        {
            errors[$"{field}.format"] = [$"A header's format must be one of: {string.Join(", ", HeaderFormats)}."];
            return;
        }

        if (format == "TEXT")
        {
            ValidateText(component, field, MaxHeaderTextLength, "header_text", nested: false, errors, maxPlaceholders: 1);
        }
    }

    private static void ValidateText(
        JsonElement component, string field, int maxLength, string exampleField, bool nested, Dictionary<string, string[]> errors, int maxPlaceholders = int.MaxValue)
    {
        if (Text(component) is not { Length: > 0 } text || text.Length > maxLength)
        {
            errors[$"{field}.text"] = [$"The text must be 1 to {maxLength} characters."];
            return;
        }

        var numbers = Placeholder().Matches(text).Select(match => match.Groups[1].Value).ToList();
        if (Braces().Count(text) != numbers.Count)
        {
            errors[$"{field}.text"] = ["Placeholders are written {{1}}, {{2}}, … (positive numbers in double braces)."];
            return;
        }

        var distinct = numbers.Select(int.Parse).Distinct().Order().ToList();
        if (distinct.Count > maxPlaceholders)
        {
            errors[$"{field}.text"] = [$"This text allows at most {maxPlaceholders} placeholder."];
            return;
        }

        if (!distinct.SequenceEqual(Enumerable.Range(1, distinct.Count)))
        {
            errors[$"{field}.text"] = ["Placeholders must be numbered consecutively from {{1}}."];
            return;
        }

        if (distinct.Count == 0)
        {
            return;
        }

        // Meta reviews templates against example values: one per placeholder.
        var examples = component.TryGetProperty("example", out var example) && example.ValueKind == JsonValueKind.Object
            && example.TryGetProperty(exampleField, out var values) ? values : default;
        if (nested && examples.ValueKind == JsonValueKind.Array && examples.GetArrayLength() > 0)
        {
            examples = examples[0];
        }

        if (examples.ValueKind != JsonValueKind.Array || examples.GetArrayLength() != distinct.Count
            || examples.EnumerateArray().Any(value => value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString())))
        {
            var shape = nested ? $"example.{exampleField}: [[\"…\", …]]" : $"example.{exampleField}: [\"…\"]";
            errors[$"{field}.example"] = [$"Give one example value per placeholder ({distinct.Count}) as {shape}."];
        }
    }

    private static void ValidateButtons(JsonElement component, string field, Dictionary<string, string[]> errors)
    {
        if (!component.TryGetProperty("buttons", out var buttons) || buttons.ValueKind != JsonValueKind.Array
            || buttons.GetArrayLength() is 0 or > MaxButtons)
        {
            errors[$"{field}.buttons"] = [$"BUTTONS holds 1 to {MaxButtons} buttons."];
            return;
        }

        var i = 0;
        int urls = 0, phones = 0;
        foreach (var button in buttons.EnumerateArray())
        {
            var buttonField = $"{field}.buttons[{i++}]";
            var type = button.ValueKind == JsonValueKind.Object && button.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()!.ToUpperInvariant()
                : null;
            if (type is null || !ButtonTypes.Contains(type))
            {
                errors[$"{buttonField}.type"] = [$"A button's type must be one of: {string.Join(", ", ButtonTypes)}."];
                continue;
            }

            urls += type == "URL" ? 1 : 0;
            phones += type == "PHONE_NUMBER" ? 1 : 0;
            if (type is not ("OTP" or "COPY_CODE") && Text(button) is not { Length: > 0 and <= MaxButtonTextLength })
            {
                errors[$"{buttonField}.text"] = [$"A button's text is 1 to {MaxButtonTextLength} characters."];
            }
        }

        if (urls > 2 || phones > 1)
        {
            errors[$"{field}.buttons"] = ["At most 2 URL buttons and 1 PHONE_NUMBER button."];
        }
    }

    private static string? Text(JsonElement element) =>
        element.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Z]{2,4})?$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex(@"\{\{([1-9][0-9]{0,2})\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex Braces();
}
