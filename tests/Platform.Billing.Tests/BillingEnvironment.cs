using Platform.Testing;

namespace Platform.Billing.Tests;

/// <summary>
/// The shared real-services environment plus billing's own settings: a table prefix per test class, so classes never see
/// each other's ledger (the host and the billing service of one class share it), short push intervals, and the fake Stripe.
/// </summary>
public static class BillingEnvironment
{
    public static Task<IReadOnlyDictionary<string, string>> IsolatedAsync(string name, string stripeUrl) =>
        RealServices.IsolatedEnvironmentAsync(name, new Dictionary<string, string>
        {
            ["Billing__TablePrefix"] = "b" + Guid.NewGuid().ToString("N")[..12],
            ["Billing__PushInterval"] = "00:00:00.500",
            ["Billing__RetryBackoff"] = "00:00:00.100",
            ["Stripe__ApiKey"] = FakeStripe.ApiKey,
            ["Stripe__ApiBase"] = stripeUrl,
            ["Stripe__RequestTimeout"] = "00:00:02",
        });
}
