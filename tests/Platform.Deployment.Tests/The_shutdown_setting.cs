using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.Deployment.Tests;

/// <summary>
/// The chart sets <c>DOTNET_shutdownTimeoutSeconds</c> so the host stops (and the silo deactivates its grains) inside the
/// pod's grace period; this shows the .NET host really reads that variable.
/// </summary>
public sealed class The_shutdown_setting
{
    [Fact]
    public void Should_set_how_long_the_host_waits_for_its_services_to_stop()
    {
        const string variable = "DOTNET_shutdownTimeoutSeconds";
        var previous = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(variable, "97");
        try
        {
            var builder = WebApplication.CreateSlimBuilder();
            using var app = builder.Build();

            Assert.Equal(TimeSpan.FromSeconds(97), app.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, previous);
        }
    }
}
