using System.Collections.Immutable;
using Platform.Grains.Conversations;

namespace Platform.Grains.Messages;

/// <summary>A message in the history, inbound or outbound, with every status it went through.</summary>
public sealed record MessageRecord
{
    public const string Outbound = "outbound";
    public const string Inbound = "inbound";

    public required string TenantId { get; init; }
    public required string Id { get; init; }
    public required string Direction { get; init; }
    public required string PhoneNumberId { get; init; }

    /// <summary>The customer's WhatsApp id: the recipient of an outbound message, the sender of an inbound one.</summary>
    public required string CustomerWaId { get; init; }

    public required string Type { get; init; }

    /// <summary>The channel that carries an outbound message; null for inbound ones.</summary>
    public string? Channel { get; init; }

    /// <summary>A template's category (<c>MARKETING</c>, <c>UTILITY</c>, <c>AUTHENTICATION</c>); null otherwise.</summary>
    public string? TemplateCategory { get; init; }

    /// <summary>Whether the customer-service window was open when an outbound message was accepted (Meta prices by it).</summary>
    public bool InsideWindow { get; init; }

    /// <summary>The type's own object (JSON), as Meta shapes it.</summary>
    public required string Content { get; init; }

    public string? Context { get; init; }

    /// <summary>The outbound message accepted just before this one in the conversation, which leaves first.</summary>
    public string? PreviousMessageId { get; init; }

    /// <summary>Meta's click-to-WhatsApp <c>referral</c> object (JSON) of an inbound message that came from an ad or post.</summary>
    public string? Referral { get; init; }

    public string? Wamid { get; init; }
    public MessageFailure? Failure { get; init; }
    public string? Pricing { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required ImmutableList<MessageStatusEntry> Statuses { get; init; }

    /// <summary>When the body was removed (the tenant's retention period passed, or the customer was erased); null while kept.</summary>
    public DateTimeOffset? RedactedAt { get; init; }

    /// <summary>The furthest status the message reached.</summary>
    public string Status => Statuses.MaxBy(entry => MessageStatuses.Rank(entry.Status))?.Status ?? MessageStatuses.Accepted;

    /// <summary>
    /// The record with <paramref name="status"/> placed in time order. A status already known keeps its earliest time:
    /// our own "sent" (when the channel answered) and Meta's "sent" webhook describe the same step, and Meta's clock says
    /// when it happened. Returns the same instance when nothing changes.
    /// </summary>
    public MessageRecord WithStatus(string status, DateTimeOffset at)
    {
        var known = Statuses.Find(entry => entry.Status == status);
        if (known is not null && known.At <= at)
        {
            return this;
        }

        var others = known is null ? Statuses : Statuses.Remove(known);
        var entry = new MessageStatusEntry(status, at);
        var index = others.FindIndex(existing => Comes(entry, before: existing));
        return this with { Statuses = index < 0 ? others.Add(entry) : others.Insert(index, entry) };
    }

    /// <summary>
    /// The record without what the customer or the business wrote: the type's object, Meta's error details (they may quote
    /// it) and the ad the customer came from. Ids, type, category, statuses and pricing stay, for billing and the history.
    /// </summary>
    public MessageRecord WithoutBody(DateTimeOffset at) => this with
    {
        Content = "{}",
        Referral = null,
        Failure = Failure is null ? null : Failure with { Details = null },
        RedactedAt = RedactedAt ?? at,
    };

    /// <summary>
    /// The record of an erased customer: no body, and no number: the customer becomes <paramref name="pseudonym"/>, and
    /// Meta's id goes too, since it encodes the number.
    /// </summary>
    public MessageRecord ErasedAs(string pseudonym, DateTimeOffset at) => WithoutBody(at) with { CustomerWaId = pseudonym, Wamid = null };

    /// <summary>Whether the message has been through <paramref name="status"/>.</summary>
    public bool HasStatus(string status) => Statuses.Exists(entry => entry.Status == status);

    // Meta's timestamps have one-second resolution, so statuses of the same second are ordered by how far along they are.
    private static bool Comes(MessageStatusEntry entry, MessageStatusEntry before) =>
        entry.At < before.At || (entry.At == before.At && MessageStatuses.Rank(entry.Status) < MessageStatuses.Rank(before.Status));
}
