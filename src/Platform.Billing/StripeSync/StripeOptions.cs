using System.ComponentModel.DataAnnotations;

namespace Platform.Billing.StripeSync;

/// <summary>Stripe (section <c>Stripe</c>). Without an API key usage is recorded but not pushed.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>A secret or restricted key (<c>Stripe__ApiKey</c>) allowed to write meter events and customers and read invoices.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Where Stripe's API is (<c>Stripe__ApiBase</c>); tests point it at a local fake.</summary>
    public string? ApiBase { get; set; }

    /// <summary>A call that takes longer is abandoned and retried with the same identifier and idempotency key.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);
}
