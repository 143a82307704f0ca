namespace Platform.WhatsApp.Messages;

/// <summary>
/// A message whose shape passed Meta's limits: <see cref="Content"/> is the type's own object (JSON) as Meta takes it,
/// <see cref="Context"/> Meta's <c>context</c> object when the message replies to another.
/// </summary>
public sealed record ValidatedMessage(string Type, string Content, string? Context);
