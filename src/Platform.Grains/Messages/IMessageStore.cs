namespace Platform.Grains.Messages;

/// <summary>
/// The message history: queryable records apart from grain state. Each conversation grain is the only writer of its
/// messages' records, so writes never race.
/// </summary>
public interface IMessageStore
{
    Task<MessageRecord?> GetAsync(string tenantId, string messageId, CancellationToken cancellationToken = default);

    Task SaveAsync(MessageRecord record, CancellationToken cancellationToken = default);

    /// <summary>Remembers which message Meta's id belongs to, so statuses that carry only the wamid find their message.</summary>
    Task LinkWamidAsync(string wamid, string tenantId, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Forgets <paramref name="wamid"/> (it encodes the customer's number); statuses that carry only it find nothing after.</summary>
    Task UnlinkWamidAsync(string tenantId, string wamid, CancellationToken cancellationToken = default);

    /// <summary>The message id of <paramref name="wamid"/> within the tenant, or null.</summary>
    Task<string?> FindByWamidAsync(string tenantId, string wamid, CancellationToken cancellationToken = default);

    /// <summary>A page of the tenant's messages, newest first, within one partition: never a scan across tenants.</summary>
    Task<MessagePage> ListAsync(MessageQuery query, CancellationToken cancellationToken = default);
}
