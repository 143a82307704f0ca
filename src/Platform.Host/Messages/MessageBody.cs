using System.Text.Json;

namespace Platform.Host.Messages;

/// <summary>Reads a send's body once, as bytes (the Idempotency-Key hashes them) and as JSON.</summary>
public static class MessageBody
{
    /// <summary>Far above any valid message: Meta's largest objects (contacts, lists) stay well under it.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The body's bytes and JSON, or null with <paramref name="error"/> saying why not.</summary>
    public static async Task<(byte[] Bytes, JsonDocument Json)?> ReadAsync(HttpRequest request, Action<string> error)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                error($"The body is larger than {MaxBytes / 1024} KiB.");
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var bytes = buffer.ToArray();
            return (bytes, JsonDocument.Parse(bytes));
        }
        catch (JsonException exception)
        {
            error($"The body is not valid JSON (at {exception.Path ?? "$"}).");
            return null;
        }
    }
}
