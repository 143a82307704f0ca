namespace Platform.Api.Tests;

[CollectionDefinition(Name)]
public sealed class EmbeddedPlatformGroup : ICollectionFixture<EmbeddedPlatform>
{
    public const string Name = "embedded platform";
}
