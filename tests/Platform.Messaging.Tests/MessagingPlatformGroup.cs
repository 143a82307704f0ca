namespace Platform.Messaging.Tests;

[CollectionDefinition(Name)]
public sealed class MessagingPlatformGroup : ICollectionFixture<MessagingPlatform>
{
    public const string Name = "messaging platform";
}
