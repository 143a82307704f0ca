using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Platform.Host.Hosting;

/// <summary>Writes the <see cref="StartupReport"/> when the host has started, with the addresses it listens on.</summary>
internal sealed partial class StartupReporter(
    StartupReport report,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<StartupReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var line in report.Lines)
            {
                LogLine(line);
            }

            foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            {
                LogAddress(address, $"{address.TrimEnd('/')}/openapi/v1.json");
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "{Line}")]
    private partial void LogLine(string line);

    [LoggerMessage(LogLevel.Information, "Platform listening on {Address}; OpenAPI document at {OpenApi}")]
    private partial void LogAddress(string address, string openApi);
}
