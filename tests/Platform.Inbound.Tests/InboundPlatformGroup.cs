namespace Platform.Inbound.Tests;

[CollectionDefinition(Name)]
public sealed class InboundPlatformGroup : ICollectionFixture<InboundPlatform>
{
    public const string Name = "inbound platform";
}
