using Platform.Grains.Conversations;
using Platform.Host.Problems;
using Platform.WhatsApp.Media;
using Platform.WhatsApp.Messages;

namespace Platform.Host.Media;

/// <summary>
/// The send path's view of media named by our id: each must be a file of this tenant, of a kind the message type carries,
/// before the message is accepted; once accepted, the file is linked to the customer so erasing them finds it.
/// </summary>
public sealed class MediaSendCheck(IMediaStore store)
{
    /// <summary>Our media ids the message names; usually none.</summary>
    public static IReadOnlyList<string> MediaIdsOf(ValidatedMessage message) => MediaReferences.Find(message.Type, message.Content);

    /// <summary>Why the message cannot be sent with these files, or null when every one is the tenant's and fits.</summary>
    public async Task<SendRefusal?> RefuseAsync(string tenantId, ValidatedMessage message, IReadOnlyList<string> mediaIds)
    {
        foreach (var mediaId in mediaIds)
        {
            if (await store.GetAsync(tenantId, mediaId, CancellationToken.None) is not { } record)
            {
                return new SendRefusal(ErrorCodes.MediaNotFound, $"This tenant has no media with id '{mediaId}'; upload the file with POST /v1/media and send its id.", null);
            }

            if (message.Type is "image" or "video" or "audio" or "document" or "sticker" && !MediaTypes.Fits(message.Type, record.MimeType))
            {
                return new SendRefusal(
                    ErrorCodes.MediaTypeMismatch,
                    $"Media {mediaId} is {record.MimeType}, which WhatsApp does not send as {message.Type}; send it as {MediaTypes.KindOf(record.MimeType)} or document.",
                    null);
            }
        }

        return null;
    }

    /// <summary>Records that the files went to <paramref name="waId"/>.</summary>
    public Task LinkAsync(string tenantId, IReadOnlyList<string> mediaIds, string waId) =>
        Task.WhenAll(mediaIds.Select(mediaId => store.LinkCustomerAsync(tenantId, mediaId, waId, CancellationToken.None)));
}
