namespace Platform.Host.Billing;

/// <summary>Body of <c>PUT /partner/v1/tenants/{id}/billing/stripe-customer</c>: a customer the operator already has in Stripe.</summary>
public sealed record StripeCustomerRequest(string? StripeCustomerId);
