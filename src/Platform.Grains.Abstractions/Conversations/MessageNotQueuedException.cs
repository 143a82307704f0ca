namespace Platform.Grains.Conversations;

/// <summary>
/// The message was allowed but could not be queued (the broker is unreachable): it is recorded as failed and will not be
/// sent. The caller may send it again.
/// </summary>
[GenerateSerializer, Alias("Platform.MessageNotQueuedException")]
public sealed class MessageNotQueuedException : Exception
{
    public MessageNotQueuedException()
    {
    }

    public MessageNotQueuedException(string message)
        : base(message)
    {
    }

    public MessageNotQueuedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
