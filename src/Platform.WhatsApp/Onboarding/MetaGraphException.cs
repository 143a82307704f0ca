namespace Platform.WhatsApp.Onboarding;

/// <summary>
/// Meta refused a Graph API call (<see cref="MetaCode"/> and <see cref="MetaMessage"/> from its error object), or could not
/// be reached (<see cref="Unavailable"/>).
/// </summary>
public sealed class MetaGraphException : Exception
{
    public MetaGraphException(string message, bool unavailable, int? status = null, int? metaCode = null, string? metaMessage = null, Exception? inner = null)
        : base(message, inner)
    {
        Unavailable = unavailable;
        Status = status;
        MetaCode = metaCode;
        MetaMessage = metaMessage;
    }

    public MetaGraphException()
    {
    }

    public MetaGraphException(string message)
        : base(message)
    {
    }

    public MetaGraphException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool Unavailable { get; }

    public int? Status { get; }

    public int? MetaCode { get; }

    public string? MetaMessage { get; }
}
