namespace Platform.Grains.Conversations;

/// <summary>
/// A tenant's messaging settings: the words that opt a customer out (STOP) and back in (START), matched to the whole message
/// ignoring case and accents; the replies the customer gets once when that changes their consent (empty: no reply); and
/// whether a customer's first message counts as an opt-in to templates (off by default).
/// </summary>
[GenerateSerializer, Immutable, Alias("Platform.MessagingSettings")]
public sealed record MessagingSettings(
    [property: Id(0)] string[] StopKeywords,
    [property: Id(1)] string[] StartKeywords,
    [property: Id(2)] string StopReply,
    [property: Id(3)] string StartReply,
    [property: Id(4)] bool OptInOnFirstMessage)
{
    public static MessagingSettings Default { get; } = new(
        ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPT OUT", "OPTOUT", "ARRET", "ARRETER", "DESABONNER", "STOPP", "ABMELDEN", "BAJA", "PARAR", "CANCELAR", "ALTO", "FERMA", "DISISCRIVI"],
        ["START", "SUBSCRIBE", "UNSTOP", "DEMARRER", "ANMELDEN", "ALTA", "INICIAR", "COMECAR", "ISCRIVI"],
        "You have been unsubscribed and will get no more messages from us. Reply START to subscribe again.",
        "You are subscribed again. Reply STOP to unsubscribe.",
        false);
}
