namespace Platform.WhatsApp.Media;

/// <summary>
/// What Meta says about a media id (<c>GET /{media-id}</c>): a download URL that needs the number's token and expires within
/// minutes, the MIME type, the SHA-256 of the file (hex) and its size.
/// </summary>
public sealed record MetaMediaInfo(Uri Url, string MimeType, string? Sha256, long? FileSize);
