namespace Platform.Tenancy.Tests;

[CollectionDefinition(Name)]
public sealed class TenancyPlatformGroup : ICollectionFixture<TenancyPlatform>
{
    public const string Name = "tenancy platform";
}
