namespace Platform.Grains.Conversations;

/// <summary>The conversation's answer to a send: accepted, or refused with a reason.</summary>
[GenerateSerializer, Immutable, Alias("Platform.SendDecision")]
public sealed record SendDecision(
    [property: Id(0)] SendRefusal? Refusal)
{
    public static SendDecision Accept { get; } = new((SendRefusal?)null);

    public bool IsAccepted => Refusal is null;
}
