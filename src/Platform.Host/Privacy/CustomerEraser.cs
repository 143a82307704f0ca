using Platform.Grains.Contacts;
using Platform.Grains.Conversations;
using Platform.Grains.Messages;
using Platform.Host.Media;
using Platform.WhatsApp;

namespace Platform.Host.Privacy;

/// <summary>
/// Erases one customer of one tenant everywhere they are kept: each conversation (found through the history, so numbers
/// the tenant has since given up are covered) erases its own messages as their only writer; their files (what they sent,
/// and what was sent to them alone); then the number's other form, and the contact, whose opt-out survives as a hash.
/// Safe to repeat: a failed erasure is finished by asking again.
/// </summary>
public sealed class CustomerEraser(IGrainFactory grains, IMessageStore messages, IMediaStore media)
{
    private const int PageSize = 500;

    /// <summary>Erases <paramref name="waId"/> (normalised) from <paramref name="tenantId"/>; returns how many messages lost their body.</summary>
    public async Task<int> EraseAsync(string tenantId, string waId, CancellationToken cancellationToken)
    {
        var directory = WaIds.HasAliases(waId) ? grains.GetGrain<ICustomerDirectoryGrain>($"{tenantId}|{WaIds.Family(waId)}") : null;
        var forms = new HashSet<string>(StringComparer.Ordinal) { waId };
        if (directory is not null && await directory.GetAsync() is { } known)
        {
            forms.Add(known);
        }

        var erased = 0;
        foreach (var form in forms)
        {
            foreach (var phoneNumberId in await PhoneNumbersOfAsync(tenantId, form, cancellationToken))
            {
                erased += await grains.GetGrain<IConversationGrain>(new ConversationKey(tenantId, phoneNumberId, form).ToString()).EraseAsync();
            }

            await media.DeleteByCustomerAsync(tenantId, form, cancellationToken);

            await grains.GetGrain<IContactGrain>(new ContactKey(tenantId, form).ToString()).EraseAsync();
        }

        if (directory is not null)
        {
            await directory.EraseAsync();
        }

        return erased;
    }

    private async Task<HashSet<string>> PhoneNumbersOfAsync(string tenantId, string waId, CancellationToken cancellationToken)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await messages.ListAsync(new MessageQuery(tenantId, PageSize) { CustomerWaId = waId, Cursor = cursor }, cancellationToken);
            numbers.UnionWith(page.Messages.Select(message => message.PhoneNumberId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return numbers;
    }
}
