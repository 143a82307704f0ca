namespace Platform.WhatsApp.Media;

/// <summary>
/// The files Meta's Cloud API takes, by MIME type, with Meta's size limit for each: images (JPEG, PNG) 5 MB; video (MP4,
/// 3GPP) and audio (AAC, AMR, MPEG, MP4, OGG) 16 MB; documents 100 MB; stickers (WebP) 100 KB static, 500 KB animated.
/// </summary>
public static class MediaTypes
{
    public const long ImageLimit = 5 * 1024 * 1024;
    public const long VideoLimit = 16 * 1024 * 1024;
    public const long AudioLimit = 16 * 1024 * 1024;
    public const long DocumentLimit = 100 * 1024 * 1024;
    public const long StaticStickerLimit = 100 * 1024;
    public const long AnimatedStickerLimit = 500 * 1024;

    /// <summary>The largest file of any type: what an upload or a download may need to hold.</summary>
    public const long LargestFile = DocumentLimit;

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = "image",
        ["image/png"] = "image",
        ["video/mp4"] = "video",
        ["video/3gpp"] = "video",
        ["audio/aac"] = "audio",
        ["audio/amr"] = "audio",
        ["audio/mpeg"] = "audio",
        ["audio/mp4"] = "audio",
        ["audio/ogg"] = "audio",
        ["image/webp"] = "sticker",
        ["text/plain"] = "document",
        ["application/pdf"] = "document",
        ["application/vnd.ms-powerpoint"] = "document",
        ["application/msword"] = "document",
        ["application/vnd.ms-excel"] = "document",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = "document",
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = "document",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = "document",
    };

    /// <summary>Every MIME type Meta takes.</summary>
    public static IEnumerable<string> All => Kinds.Keys;

    /// <summary>The message type a file of <paramref name="mimeType"/> is sent as (<c>image</c>, …), or null when Meta takes none.</summary>
    public static string? KindOf(string? mimeType) =>
        mimeType is not null && Kinds.TryGetValue(Bare(mimeType), out var kind) ? kind : null;

    /// <summary>Meta's size limit for a file of <paramref name="mimeType"/>.</summary>
    public static long LimitOf(string mimeType, bool animated) => KindOf(mimeType) switch
    {
        "image" => ImageLimit,
        "video" => VideoLimit,
        "audio" => AudioLimit,
        "sticker" => animated ? AnimatedStickerLimit : StaticStickerLimit,
        _ => DocumentLimit,
    };

    /// <summary>Whether a message of <paramref name="messageType"/> may carry a file of <paramref name="mimeType"/>.</summary>
    /// <remarks>Meta sends any file as a document; the other types take only their own files.</remarks>
    public static bool Fits(string messageType, string mimeType) =>
        messageType == "document" || KindOf(mimeType) == messageType;

    /// <summary>The MIME type without parameters, lower case (<c>audio/ogg; codecs=opus</c> → <c>audio/ogg</c>).</summary>
    public static string Bare(string mimeType) => mimeType.Split(';', 2)[0].Trim().ToLowerInvariant();

    /// <summary>
    /// Whether a WebP file is animated: its extended header (<c>VP8X</c>) carries the animation flag. Meta allows an animated
    /// sticker five times the size of a static one.
    /// </summary>
    public static bool IsAnimatedWebp(ReadOnlySpan<byte> header) =>
        header.Length >= 21
        && header[..4].SequenceEqual("RIFF"u8)
        && header[8..12].SequenceEqual("WEBP"u8)
        && header[12..16].SequenceEqual("VP8X"u8)
        && (header[20] & 0x02) != 0;

    /// <summary>A file name extension for a MIME type, for downloads that came without a name.</summary>
    public static string ExtensionOf(string mimeType) => Bare(mimeType) switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "video/mp4" => ".mp4",
        "video/3gpp" => ".3gp",
        "audio/aac" => ".aac",
        "audio/amr" => ".amr",
        "audio/mpeg" => ".mp3",
        "audio/mp4" => ".m4a",
        "audio/ogg" => ".ogg",
        "text/plain" => ".txt",
        "application/pdf" => ".pdf",
        "application/vnd.ms-powerpoint" => ".ppt",
        "application/msword" => ".doc",
        "application/vnd.ms-excel" => ".xls",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation" => ".pptx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ".xlsx",
        _ => ".bin",
    };
}
