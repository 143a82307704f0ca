namespace Platform.WhatsApp.Media;

/// <summary>
/// Turns our media ids into Meta's media ids for one business number, uploading a file to Meta when that number has not
/// used it yet (Meta's media ids belong to the number that uploaded them).
/// </summary>
public interface IMediaIdResolver
{
    /// <summary>Meta's id of each of <paramref name="mediaIds"/> for <paramref name="phoneNumberId"/>, or why the send cannot go now or ever.</summary>
    Task<MediaResolution> ResolveAsync(
        string tenantId, string phoneNumberId, string accessToken, IReadOnlyCollection<string> mediaIds, CancellationToken cancellationToken);
}
