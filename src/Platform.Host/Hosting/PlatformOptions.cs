namespace Platform.Host.Hosting;

/// <summary>Settings of the platform itself (section <c>Platform</c>).</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>
    /// The solution provider's key for the partner API (<c>Platform__OperatorKey</c>). Required when any real service is
    /// configured; the embedded mode generates one and prints it once at start-up.
    /// </summary>
    public string? OperatorKey { get; set; }
}
