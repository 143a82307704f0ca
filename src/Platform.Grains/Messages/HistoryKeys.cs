namespace Platform.Grains.Messages;

/// <summary>
/// Row keys of the history: a message id's ULID with every character mirrored in the base32 alphabet, so that ascending row
/// keys are the newest messages first (what a history page shows) and a point read still needs only the id.
/// </summary>
public static class HistoryKeys
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int UlidLength = 26;

    /// <summary>The row key of a message id (<c>msg_…</c>), or null when the id cannot be one of ours.</summary>
    public static string? RowKey(string messageId)
    {
        var separator = messageId.IndexOf('_', StringComparison.Ordinal);
        return separator > 0 && messageId.Length - separator - 1 == UlidLength ? Mirror(messageId.AsSpan(separator + 1)) : null;
    }

    /// <summary>The row key that sorts after every message created at or after <paramref name="at"/>.</summary>
    public static string Floor(DateTimeOffset at)
    {
        var millis = (ulong)Math.Max(0, at.ToUnixTimeMilliseconds());
        Span<char> ulid = stackalloc char[UlidLength];
        ulid.Fill('0');
        for (var i = 9; i >= 0; i--)
        {
            ulid[i] = Alphabet[(int)(millis & 31)];
            millis >>= 5;
        }

        return Mirror(ulid)!;
    }

    /// <summary>Whether a cursor a client sent back is a row key we could have made.</summary>
    public static bool IsRowKey(string value) => value.Length == UlidLength && value.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    private static string? Mirror(ReadOnlySpan<char> ulid)
    {
        Span<char> mirrored = stackalloc char[UlidLength];
        for (var i = 0; i < UlidLength; i++)
        {
            var index = Alphabet.IndexOf(ulid[i], StringComparison.Ordinal);
            if (index < 0)
            {
                return null;
            }

            mirrored[i] = Alphabet[31 - index];
        }

        return new string(mirrored);
    }
}
