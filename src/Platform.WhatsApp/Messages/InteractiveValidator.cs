using System.Text.Json;

namespace Platform.WhatsApp.Messages;

/// <summary>Interactive reply buttons (at most 3) and lists (at most 10 rows in at most 10 sections), with Meta's title lengths.</summary>
internal static class InteractiveValidator
{
    public static void Validate(JsonElement interactive, ValidationErrors errors)
    {
        var type = errors.Text(interactive, "type", "interactive.type", 16, required: true);
        if (type is not null && type is not ("button" or "list"))
        {
            errors.Add("interactive.type", "Must be \"button\" (reply buttons) or \"list\".");
            return;
        }

        Header(interactive, errors);
        if (errors.Obj(interactive, "body", "interactive.body", required: true) is { } body)
        {
            errors.Text(body, "text", "interactive.body.text", MessageLimits.InteractiveBodyText, required: true);
        }

        if (errors.Obj(interactive, "footer", "interactive.footer", required: false) is { } footer)
        {
            errors.Text(footer, "text", "interactive.footer.text", MessageLimits.InteractiveFooterText, required: true);
        }

        if (errors.Obj(interactive, "action", "interactive.action", required: true) is not { } action)
        {
            return;
        }

        if (type == "button")
        {
            Buttons(action, errors);
        }
        else if (type == "list")
        {
            List(action, errors);
        }
    }

    private static void Header(JsonElement interactive, ValidationErrors errors)
    {
        if (errors.Obj(interactive, "header", "interactive.header", required: false) is not { } header)
        {
            return;
        }

        switch (errors.Text(header, "type", "interactive.header.type", 16, required: true))
        {
            case "text":
                errors.Text(header, "text", "interactive.header.text", MessageLimits.InteractiveHeaderText, required: true);
                break;
            case var media when media is "image" or "video" or "document":
                if (errors.Obj(header, media, $"interactive.header.{media}", required: true) is { } file)
                {
                    MessageValidator.Media(file, $"interactive.header.{media}", errors);
                }

                break;
            case { } other:
                errors.Add("interactive.header.type", $"'{other}' is not a header type: use text, image, video or document.");
                break;
        }
    }

    private static void Buttons(JsonElement action, ValidationErrors errors)
    {
        if (errors.Array(action, "buttons", "interactive.action.buttons", 1, MessageLimits.ReplyButtons, required: true) is not { } buttons)
        {
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < buttons.Length; i++)
        {
            var path = $"interactive.action.buttons[{i}]";
            if (buttons[i].ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, "Must be an object.");
                continue;
            }

            if (errors.Text(buttons[i], "type", $"{path}.type", 16, required: true) is { } buttonType && buttonType != "reply")
            {
                errors.Add($"{path}.type", "Must be \"reply\".");
            }

            if (errors.Obj(buttons[i], "reply", $"{path}.reply", required: true) is not { } reply)
            {
                continue;
            }

            if (errors.Text(reply, "id", $"{path}.reply.id", MessageLimits.ReplyButtonId, required: true) is { } id && !ids.Add(id))
            {
                errors.Add($"{path}.reply.id", "Button ids must be unique.");
            }

            if (errors.Text(reply, "title", $"{path}.reply.title", MessageLimits.ReplyButtonTitle, required: true) is { } title && !titles.Add(title))
            {
                errors.Add($"{path}.reply.title", "Button titles must be unique.");
            }
        }
    }

    private static void List(JsonElement action, ValidationErrors errors)
    {
        errors.Text(action, "button", "interactive.action.button", MessageLimits.ListButtonText, required: true);
        if (errors.Array(action, "sections", "interactive.action.sections", 1, MessageLimits.ListSections, required: true) is not { } sections)
        {
            return;
        }

        var rowIds = new HashSet<string>(StringComparer.Ordinal);
        var rows = 0;
        for (var s = 0; s < sections.Length; s++)
        {
            var path = $"interactive.action.sections[{s}]";
            if (sections[s].ValueKind != JsonValueKind.Object)
            {
                errors.Add(path, "Must be an object.");
                continue;
            }

            errors.Text(sections[s], "title", $"{path}.title", MessageLimits.ListSectionTitle, required: sections.Length > 1);
            if (errors.Array(sections[s], "rows", $"{path}.rows", 1, MessageLimits.ListRows, required: true) is not { } sectionRows)
            {
                continue;
            }

            rows += sectionRows.Length;
            for (var r = 0; r < sectionRows.Length; r++)
            {
                var rowPath = $"{path}.rows[{r}]";
                if (sectionRows[r].ValueKind != JsonValueKind.Object)
                {
                    errors.Add(rowPath, "Must be an object.");
                    continue;
                }

                if (errors.Text(sectionRows[r], "id", $"{rowPath}.id", MessageLimits.ListRowId, required: true) is { } id && !rowIds.Add(id))
                {
                    errors.Add($"{rowPath}.id", "Row ids must be unique across the list.");
                }

                errors.Text(sectionRows[r], "title", $"{rowPath}.title", MessageLimits.ListRowTitle, required: true);
                errors.Text(sectionRows[r], "description", $"{rowPath}.description", MessageLimits.ListRowDescription, required: false);
            }
        }

        if (rows > MessageLimits.ListRows)
        {
            errors.Add("interactive.action.sections", $"A list holds at most {MessageLimits.ListRows} rows in all (it has {rows}).");
        }
    }
}
