using Platform.WhatsApp.Media;

namespace Platform.Host.Media;

/// <summary>Our media ids: <c>med_</c> and a 26-character ULID, which is also safe as a table key and a blob name.</summary>
public static class MediaIdFormat
{
    public static bool IsValid(string? id) =>
        MediaReferences.IsOurs(id) && id!.Length == MediaReferences.Prefix.Length + 26 && id.AsSpan(MediaReferences.Prefix.Length).ContainsOnlyCrockford();

    private static bool ContainsOnlyCrockford(this ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c) && !(char.IsAsciiLetterUpper(c) && c is not ('I' or 'L' or 'O' or 'U')))
            {
                return false;
            }
        }

        return true;
    }
}
