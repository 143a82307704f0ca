using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Host.Health;

/// <summary>Ready only while this process's silo is an active member of the cluster.</summary>
internal sealed class SiloHealthCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The silo is {silo.CurrentStatus}."));
}
