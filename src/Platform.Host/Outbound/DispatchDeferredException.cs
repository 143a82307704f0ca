namespace Platform.Host.Outbound;

/// <summary>The channel asked to try the message again later; thrown so the consumer's retry schedule takes over.</summary>
public sealed class DispatchDeferredException : Exception
{
    public DispatchDeferredException()
    {
    }

    public DispatchDeferredException(string message)
        : base(message)
    {
    }

    public DispatchDeferredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
