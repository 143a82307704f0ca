namespace Platform.Billing.Tests;

[CollectionDefinition(Name)]
public sealed class EmbeddedBillingGroup : ICollectionFixture<EmbeddedBilling>
{
    public const string Name = "embedded billing";
}
