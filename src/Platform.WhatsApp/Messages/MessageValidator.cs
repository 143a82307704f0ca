using System.Text.Json;

namespace Platform.WhatsApp.Messages;

/// <summary>
/// Checks a message in Meta's Cloud API shape (<c>type</c>, the type's object, <c>context</c>) against Meta's limits, naming
/// each field that is wrong. <c>to</c> and the sender are the callers' business.
/// </summary>
public static class MessageValidator
{
    /// <summary>The message types we send, as Meta names them.</summary>
    public static readonly IReadOnlyList<string> Types =
        ["text", "template", "image", "video", "audio", "document", "sticker", "location", "contacts", "interactive", "reaction"];

    public static ValidatedMessage? Validate(JsonElement body, ValidationErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "The body must be a JSON object.");
            return null;
        }

        if (errors.Text(body, "messaging_product", "messaging_product", 16, required: false) is { } product && product != "whatsapp")
        {
            errors.Add("messaging_product", "Must be \"whatsapp\".");
        }

        if (errors.Text(body, "recipient_type", "recipient_type", 16, required: false) is { } recipientType && recipientType != "individual")
        {
            errors.Add("recipient_type", "Must be \"individual\".");
        }

        var context = ValidateContext(body, errors);
        var type = body.TryGetProperty("type", out var typeValue) && typeValue.ValueKind == JsonValueKind.String ? typeValue.GetString() : null;
        if (type is null || !Types.Contains(type))
        {
            errors.Add("type", $"The type must be one of: {string.Join(", ", Types)}.");
            return null;
        }

        if (type == "contacts")
        {
            return ContactsValidator.Validate(body, errors) is { } contacts && errors.IsEmpty ? new ValidatedMessage(type, contacts, context) : null;
        }

        if (errors.Obj(body, type, type, required: true) is not { } content)
        {
            return null;
        }

        switch (type)
        {
            case "text":
                errors.Text(content, "body", "text.body", MessageLimits.TextBody, required: true);
                errors.OptionalBoolean(content, "preview_url", "text.preview_url");
                break;
            case "image" or "video" or "document":
                Media(content, type, errors);
                errors.Text(content, "caption", $"{type}.caption", MessageLimits.Caption, required: false);
                if (type == "document")
                {
                    errors.Text(content, "filename", "document.filename", MessageLimits.FileName, required: false);
                }

                break;
            case "audio" or "sticker":
                Media(content, type, errors);
                break;
            case "location":
                errors.Number(content, "latitude", "location.latitude", -90, 90);
                errors.Number(content, "longitude", "location.longitude", -180, 180);
                errors.Text(content, "name", "location.name", MessageLimits.LocationText, required: false);
                errors.Text(content, "address", "location.address", MessageLimits.LocationText, required: false);
                break;
            case "reaction":
                errors.Text(content, "message_id", "reaction.message_id", MessageLimits.MessageId, required: true);
                errors.Text(content, "emoji", "reaction.emoji", 16, required: true, minLength: 0);
                break;
            case "interactive":
                InteractiveValidator.Validate(content, errors);
                break;
            case "template":
                TemplateValidator.Validate(content, errors);
                break;
        }

        return errors.IsEmpty ? new ValidatedMessage(type, content.GetRawText(), context) : null;
    }

    /// <summary>A media object names the file by exactly one of <c>id</c> (uploaded media) or <c>link</c> (an http(s) URL).</summary>
    internal static void Media(JsonElement media, string path, ValidationErrors errors)
    {
        var id = errors.Text(media, "id", $"{path}.id", MessageLimits.MediaId, required: false);
        var link = errors.Text(media, "link", $"{path}.link", MessageLimits.MediaLink, required: false);
        var hasId = media.TryGetProperty("id", out _);
        var hasLink = media.TryGetProperty("link", out _);
        if (hasId == hasLink)
        {
            errors.Add(path, "Give exactly one of id (an uploaded media id) or link (an https URL).");
        }
        else if (link is not null && (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            errors.Add($"{path}.link", "Must be an absolute http(s) URL Meta can download the file from.");
        }
        else if (id is not null && string.IsNullOrWhiteSpace(id))
        {
            errors.Add($"{path}.id", "Must not be blank.");
        }
    }

    private static string? ValidateContext(JsonElement body, ValidationErrors errors)
    {
        if (errors.Obj(body, "context", "context", required: false) is not { } context)
        {
            return null;
        }

        return errors.Text(context, "message_id", "context.message_id", MessageLimits.MessageId, required: true) is { } messageId
            ? JsonSerializer.Serialize(new Dictionary<string, string> { ["message_id"] = messageId })
            : null;
    }
}
