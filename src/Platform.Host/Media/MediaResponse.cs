using System.Text.Json.Serialization;

namespace Platform.Host.Media;

/// <summary>
/// A file's metadata as the API shows it. <see cref="MetaMediaIds"/> names Meta's media id for each business number the file
/// was uploaded for (a send from that number uses it; other numbers upload it on first use).
/// </summary>
public sealed record MediaResponse
{
    public required string Id { get; init; }
    public required string MimeType { get; init; }
    public required long FileSize { get; init; }
    public required string Sha256 { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FileName { get; init; }

    /// <summary><c>uploaded</c> by the tenant or <c>received</c> from a customer.</summary>
    public required string Direction { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PhoneNumberId { get; init; }

    /// <summary>The customer who sent a received file.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? From { get; init; }

    public required IReadOnlyDictionary<string, string> MetaMediaIds { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static MediaResponse Of(MediaRecord record) => new()
    {
        Id = record.Id,
        MimeType = record.MimeType,
        FileSize = record.Size,
        Sha256 = record.Sha256,
        FileName = record.FileName,
        Direction = record.Direction,
        PhoneNumberId = record.PhoneNumberId,
        From = record.CustomerWaId,
        MetaMediaIds = record.MetaUploads.ToDictionary(upload => upload.Key, upload => upload.Value.MediaId),
        CreatedAt = record.CreatedAt,
    };
}
