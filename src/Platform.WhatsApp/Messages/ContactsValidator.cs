using System.Text.Json;

namespace Platform.WhatsApp.Messages;

/// <summary>Contact cards: each needs a <c>name.formatted_name</c>; Meta's other fields are passed on as given.</summary>
internal static class ContactsValidator
{
    public static string? Validate(JsonElement body, ValidationErrors errors)
    {
        if (errors.Array(body, "contacts", "contacts", 1, MessageLimits.Contacts, required: true) is not { } contacts)
        {
            return null;
        }

        for (var i = 0; i < contacts.Length; i++)
        {
            var path = $"contacts[{i}]";
            if (contacts[i].ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, "Must be an object.");
                continue;
            }

            if (errors.Obj(contacts[i], "name", $"{path}.name", required: true) is { } name)
            {
                errors.Text(name, "formatted_name", $"{path}.name.formatted_name", 512, required: true);
            }

            foreach (var list in new[] { "phones", "emails", "urls", "addresses" })
            {
                errors.Array(contacts[i], list, $"{path}.{list}", 0, 20, required: false);
            }
        }

        return body.GetProperty("contacts").GetRawText();
    }
}
