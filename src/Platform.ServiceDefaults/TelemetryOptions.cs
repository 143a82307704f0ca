namespace Platform.ServiceDefaults;

/// <summary>
/// Telemetry switches (section <c>Telemetry</c>). OTLP export has no switch here: it follows the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serves the metrics for a Prometheus scraper (<c>Telemetry__PrometheusEnabled</c>); off by default.</summary>
    public bool PrometheusEnabled { get; set; }

    /// <summary>Path of the scrape endpoint (<c>Telemetry__PrometheusPath</c>).</summary>
    public string PrometheusPath { get; set; } = "/metrics";
}
