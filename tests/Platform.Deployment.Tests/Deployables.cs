namespace Platform.Deployment.Tests;

/// <summary>What each deployable reads, and the keys read by the frameworks under it rather than by our code.</summary>
internal static class Deployables
{
    /// <summary>The host runs the billing core too (plans, usage, invoices read from Stripe), so it reads billing's keys.</summary>
    public static readonly string[] HostProjects = ["Platform.Host", "Platform.ServiceDefaults", "Platform.Grains", "Platform.WhatsApp", "Platform.Billing"];

    public static readonly string[] BillingProjects = ["Platform.Billing", "Platform.ServiceDefaults"];

    /// <summary>
    /// Read by ASP.NET Core, the .NET host, logging, the OpenTelemetry SDK and Microsoft.Orleans.Hosting.Kubernetes, so
    /// no options class of ours names them.
    /// </summary>
    public static readonly string[] FrameworkKeys =
    [
        "ASPNETCORE_ENVIRONMENT",
        "ASPNETCORE_HTTP_PORTS",
        "DOTNET_shutdownTimeoutSeconds",
        "Logging:LogLevel:Default",
        "OTEL_SERVICE_NAME",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_PROTOCOL",
        "POD_NAME",
        "POD_NAMESPACE",
    ];

    /// <summary>
    /// Keys the chart already sets for parts whose owners have not landed them yet (Meta's webhook secrets: issue 5;
    /// the Graph API base: issue 4; the billing host's connection strings: issue 6). A key leaves this list as soon as
    /// the code reads it; until then it may be set but is not checked.
    /// </summary>
    public static readonly string[] PendingHostKeys = ["WhatsApp:AppSecret", "WhatsApp:VerifyToken", "WhatsApp:GraphApiBase"];

    public static readonly string[] PendingBillingKeys = ["ConnectionStrings:AzureStorage", "ConnectionStrings:RabbitMq"];

    public static ConfigurationKeys Host { get; } = ConfigurationKeys.Of(HostProjects);

    public static ConfigurationKeys Billing { get; } = ConfigurationKeys.Of(BillingProjects);

    public static bool Accepts(ConfigurationKeys reads, string[] pending, string key) =>
        reads.Reads(key)
        || FrameworkKeys.Contains(ConfigurationKeys.Normalize(key), StringComparer.OrdinalIgnoreCase)
        || pending.Contains(ConfigurationKeys.Normalize(key), StringComparer.OrdinalIgnoreCase);
}
