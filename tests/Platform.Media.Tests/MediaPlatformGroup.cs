namespace Platform.Media.Tests;

[CollectionDefinition(Name)]
public sealed class MediaPlatformGroup : ICollectionFixture<MediaPlatform>
{
    public const string Name = "media platform";
}
