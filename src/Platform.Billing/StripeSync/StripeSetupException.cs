namespace Platform.Billing.StripeSync;

/// <summary>Stripe holds something the platform cannot bill with (a meter that does not sum): the operator must fix it.</summary>
public sealed class StripeSetupException(string message) : Exception(message);
