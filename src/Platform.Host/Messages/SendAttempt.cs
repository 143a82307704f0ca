using Platform.Grains.Conversations;

namespace Platform.Host.Messages;

/// <summary>
/// What became of a send that passed validation: accepted under <see cref="MessageId"/> for the customer Meta knows as
/// <see cref="WaId"/>, or refused by WhatsApp's rules (<see cref="Refusal"/>, including a number that cannot send).
/// </summary>
public sealed record SendAttempt(string? MessageId, string WaId, SendRefusal? Refusal)
{
    public bool IsAccepted => Refusal is null;
}
