namespace Platform.Telemetry.Tests;

[CollectionDefinition(Name)]
public sealed class TracedPlatformGroup : ICollectionFixture<TracedPlatform>
{
    public const string Name = "traced platform";
}
