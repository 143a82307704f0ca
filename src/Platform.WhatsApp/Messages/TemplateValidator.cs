using System.Globalization;
using System.Text.Json;

namespace Platform.WhatsApp.Messages;

/// <summary>
/// A template send's shape: name, language, and components whose parameters are Meta's (text, currency, date_time, image,
/// video, document, location, payload, coupon_code). Whether they match the template's placeholders is checked later,
/// against the template itself.
/// </summary>
internal static class TemplateValidator
{
    private static readonly string[] ComponentTypes = ["header", "body", "button"];
    private static readonly string[] ButtonSubTypes = ["quick_reply", "url", "copy_code", "flow", "catalog", "voice_call"];

    public static void Validate(JsonElement template, ValidationErrors errors)
    {
        errors.Text(template, "name", "template.name", MessageLimits.TemplateName, required: true);
        if (errors.Obj(template, "language", "template.language", required: true) is { } language)
        {
            errors.Text(language, "code", "template.language.code", 16, required: true);
            if (errors.Text(language, "policy", "template.language.policy", 16, required: false) is { } policy && policy != "deterministic")
            {
                errors.Add("template.language.policy", "Must be \"deterministic\".");
            }
        }

        if (errors.Array(template, "components", "template.components", 0, 3 + MessageLimits.TemplateButtons, required: false) is not { } components)
        {
            return;
        }

        for (var i = 0; i < components.Length; i++)
        {
            Component(components[i], $"template.components[{i}]", errors);
        }
    }

    private static void Component(JsonElement component, string path, ValidationErrors errors)
    {
        if (component.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "Must be an object.");
            return;
        }

        var type = errors.Text(component, "type", $"{path}.type", 16, required: true)?.ToLowerInvariant();
        if (type is not null && !ComponentTypes.Contains(type))
        {
            errors.Add($"{path}.type", "Must be header, body or button.");
            return;
        }

        if (type == "button")
        {
            if (errors.Text(component, "sub_type", $"{path}.sub_type", 16, required: true) is { } subType && !ButtonSubTypes.Contains(subType.ToLowerInvariant()))
            {
                errors.Add($"{path}.sub_type", $"Must be one of: {string.Join(", ", ButtonSubTypes)}.");
            }

            if (!component.TryGetProperty("index", out var index) || !TryIndex(index, out _))
            {
                errors.Add($"{path}.index", $"Required: the button's position, 0 to {MessageLimits.TemplateButtons - 1}.");
            }
        }

        if (errors.Array(component, "parameters", $"{path}.parameters", 0, 100, required: false) is not { } parameters)
        {
            return;
        }

        for (var p = 0; p < parameters.Length; p++)
        {
            Parameter(parameters[p], $"{path}.parameters[{p}]", type == "header" ? MessageLimits.TemplateHeaderText : MessageLimits.TemplateParameterText, errors);
        }
    }

    private static void Parameter(JsonElement parameter, string path, int maxText, ValidationErrors errors)
    {
        if (parameter.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "Must be an object.");
            return;
        }

        errors.Text(parameter, "parameter_name", $"{path}.parameter_name", 128, required: false);
        switch (errors.Text(parameter, "type", $"{path}.type", 16, required: true))
        {
            case "text":
                errors.Text(parameter, "text", $"{path}.text", maxText, required: true);
                break;
            case "currency":
                if (errors.Obj(parameter, "currency", $"{path}.currency", required: true) is { } currency)
                {
                    errors.Text(currency, "fallback_value", $"{path}.currency.fallback_value", 256, required: true);
                    if (errors.Text(currency, "code", $"{path}.currency.code", 3, required: true, minLength: 3) is { } code && !code.All(char.IsAsciiLetterUpper))
                    {
                        errors.Add($"{path}.currency.code", "Must be an ISO 4217 code such as USD or EUR.");
                    }

                    if (!currency.TryGetProperty("amount_1000", out var amount) || amount.ValueKind != JsonValueKind.Number || !amount.TryGetInt64(out _))
                    {
                        errors.Add($"{path}.currency.amount_1000", "Required: the amount times 1000, as an integer.");
                    }
                }

                break;
            case "date_time":
                if (errors.Obj(parameter, "date_time", $"{path}.date_time", required: true) is { } dateTime)
                {
                    errors.Text(dateTime, "fallback_value", $"{path}.date_time.fallback_value", 256, required: true);
                }

                break;
            case var media when media is "image" or "video" or "document":
                if (errors.Obj(parameter, media, $"{path}.{media}", required: true) is { } file)
                {
                    MessageValidator.Media(file, $"{path}.{media}", errors);
                    if (media == "document")
                    {
                        errors.Text(file, "filename", $"{path}.document.filename", MessageLimits.FileName, required: false);
                    }
                }

                break;
            case "location":
                if (errors.Obj(parameter, "location", $"{path}.location", required: true) is { } location)
                {
                    errors.Number(location, "latitude", $"{path}.location.latitude", -90, 90);
                    errors.Number(location, "longitude", $"{path}.location.longitude", -180, 180);
                }

                break;
            case "payload":
                errors.Text(parameter, "payload", $"{path}.payload", 1000, required: true);
                break;
            case "coupon_code":
                errors.Text(parameter, "coupon_code", $"{path}.coupon_code", 20, required: true);
                break;
            case { } other:
                errors.Add($"{path}.type", $"'{other}' is not a parameter type: use text, currency, date_time, image, video, document, location, payload or coupon_code.");
                break;
        }
    }

    /// <summary>A button index as Meta takes it: a number or a numeric string.</summary>
    internal static bool TryIndex(JsonElement index, out int value)
    {
        value = -1;
        var ok = index.ValueKind switch
        {
            JsonValueKind.Number => index.TryGetInt32(out value),
            JsonValueKind.String => int.TryParse(index.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
        return ok && value is >= 0 and < MessageLimits.TemplateButtons;
    }
}
