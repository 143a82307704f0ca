namespace Platform.Contracts.Tenants;

/// <summary>Event: the operator onboarded a tenant. Billing creates the tenant's Stripe customer from it.</summary>
public sealed record TenantCreated
{
    public required string TenantId { get; init; }

    public required string Name { get; init; }

    /// <summary>A Stripe customer id the operator already has for this business, to use instead of creating one.</summary>
    public string? StripeCustomerId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
