namespace Platform.Inbound.Tests;

/// <summary>
/// The tests that start hosts on RabbitMQ and Azurite run one after another: in parallel on two cores, a restarted host
/// sometimes did not resume a retry within a minute (seen with and without this project's newer tests), and timings get
/// measured under someone else's load.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealServicesGroup
{
    public const string Name = "real services";
}
