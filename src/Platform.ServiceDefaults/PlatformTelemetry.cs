using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.ServiceDefaults;

/// <summary>The platform's own trace source and meter, and the names of the libraries' ones we collect.</summary>
public static class PlatformTelemetry
{
    public const string Name = "Platform";

    /// <summary>Orleans' and MassTransit's sources and meters.</summary>
    public static readonly string[] LibrarySources = ["MassTransit", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];
    public static readonly string[] LibraryMeters = ["MassTransit", "Microsoft.Orleans"];

    public static readonly ActivitySource ActivitySource = new(Name);
    public static readonly Meter Meter = new(Name);
}
