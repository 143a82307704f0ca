namespace Platform.Host.Media;

/// <summary>
/// Meta's media id of a file for one business number, and when it was uploaded: Meta keeps uploaded media for 30 days, so
/// an older upload is made again before a send uses it.
/// </summary>
public sealed record MetaUpload(string MediaId, DateTimeOffset UploadedAt)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(29);

    public bool IsFresh(DateTimeOffset now) => now - UploadedAt < Lifetime;
}
