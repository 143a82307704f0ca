using System.Globalization;
using System.Text;

namespace Platform.Grains.Conversations;

/// <summary>Finds a STOP or START keyword in a customer's message: the whole message, ignoring case, accents and trailing punctuation.</summary>
public static class Keywords
{
    public const string Stop = "stop";
    public const string Start = "start";

    /// <summary><see cref="Stop"/>, <see cref="Start"/>, or null when the message is not a keyword.</summary>
    public static string? Match(string text, MessagingSettings settings)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return null;
        }

        if (settings.StopKeywords.Any(keyword => Normalize(keyword) == normalized))
        {
            return Stop;
        }

        return settings.StartKeywords.Any(keyword => Normalize(keyword) == normalized) ? Start : null;
    }

    /// <summary>Upper case without accents or surrounding punctuation and spaces: "Arrêt !" becomes "ARRET".</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString().Trim(' ', '.', '!', '?', ',', ';', ':', '"', '\'').Normalize(NormalizationForm.FormC);
    }
}
