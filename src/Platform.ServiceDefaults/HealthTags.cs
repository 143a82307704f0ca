namespace Platform.ServiceDefaults;

/// <summary>Tags that put a health check behind <c>/health/live</c> or <c>/health/ready</c>.</summary>
public static class HealthTags
{
    /// <summary>The process is alive: Kubernetes restarts the pod when this fails.</summary>
    public const string Live = "live";

    /// <summary>The process can serve traffic (silo, bus, storage): Kubernetes stops routing to the pod when this fails.</summary>
    public const string Ready = "ready";
}
