namespace Platform.WhatsApp.Media;

/// <summary>
/// Meta did not take or hand over a file. <see cref="Retryable"/> when trying again may work (Meta's 5xx and rate limits,
/// timeouts, network failures); <see cref="MetaCode"/> is Meta's error code when it gave one.
/// </summary>
public sealed class GraphMediaException : Exception
{
    public GraphMediaException(string message, int? metaCode, bool retryable)
        : base(message)
    {
        MetaCode = metaCode;
        Retryable = retryable;
    }

    public GraphMediaException()
    {
    }

    public GraphMediaException(string message)
        : base(message)
    {
    }

    public GraphMediaException(string message, Exception innerException)
        : base(message, innerException)
    {
        Retryable = true;
    }

    public int? MetaCode { get; }

    public bool Retryable { get; }
}
