using System.Globalization;
using System.Text;

namespace Platform.Grains.Storage;

/// <summary>Makes any string a valid Azure Table key: '/', '\', '#', '?', '%' and control characters are not allowed there.</summary>
public static class TableKeys
{
    public static string Escape(string value)
    {
        if (!value.AsSpan().ContainsAny(Forbidden) && !value.Any(char.IsControl))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (Forbidden.Contains(c) || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create("/\\#?%");
}
