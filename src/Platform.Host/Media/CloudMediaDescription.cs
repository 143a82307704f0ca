namespace Platform.Host.Media;

/// <summary>Meta's description of a media id: where to download it (with the same bearer token) and what it is.</summary>
public sealed record CloudMediaDescription(string MessagingProduct, string Url, string MimeType, string Sha256, long FileSize, string Id);
