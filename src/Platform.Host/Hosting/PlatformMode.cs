using Microsoft.Extensions.Configuration;

namespace Platform.Host.Hosting;

/// <summary>
/// Which real services this process uses. Each one switches on with its standard connection string; whatever is not
/// configured runs embedded, so <c>dotnet run</c> needs nothing installed.
/// </summary>
public sealed record PlatformMode(string? AzureStorage, string? RabbitMq)
{
    public static PlatformMode From(IConfiguration configuration) => new(
        NullIfBlank(configuration.GetConnectionString("AzureStorage")),
        NullIfBlank(configuration.GetConnectionString("RabbitMq")));

    public bool UsesAzureStorage => AzureStorage is not null;

    public bool UsesRabbitMq => RabbitMq is not null;

    /// <summary>Nothing external is configured: a developer's machine, where convenience defaults are safe.</summary>
    public bool IsFullyEmbedded => !UsesAzureStorage && !UsesRabbitMq;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
