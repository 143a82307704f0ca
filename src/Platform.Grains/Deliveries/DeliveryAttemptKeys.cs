using System.Globalization;
using System.Text;
using Platform.Grains.Storage;

namespace Platform.Grains.Deliveries;

/// <summary>
/// Row keys of attempts, sorting newest first (the time's ticks counted down from the largest date), then by delivery and
/// attempt number so two attempts in the same tick stay apart; cursors are row keys, base64url-encoded so tenants treat
/// them as opaque.
/// </summary>
public static class DeliveryAttemptKeys
{
    public static string Partition(WebhookDeliveryKey endpoint) => TableKeys.Escape(endpoint.ToString());

    public static string Row(DeliveryAttempt attempt) => string.Create(CultureInfo.InvariantCulture,
        $"{Newest(attempt.At)}_{TableKeys.Escape(attempt.DeliveryId)}_{attempt.Number:D5}");

    /// <summary>The smallest row key of attempts made at or before <paramref name="at"/>: older rows sort after it.</summary>
    public static string Newest(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public static string Cursor(string rowKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(rowKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The row key in a cursor, or null when it is not one of ours.</summary>
    public static string? RowKey(string cursor)
    {
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        try
        {
            var key = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return key.Length > 20 && key[19] == '_' && key[..19].All(char.IsAsciiDigit) ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
