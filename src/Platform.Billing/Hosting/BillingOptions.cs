using System.ComponentModel.DataAnnotations;
using Platform.Billing.Pricing;

namespace Platform.Billing.Hosting;

/// <summary>Settings of the billing service (section <c>Billing</c>).</summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>Prefixes the billing tables' names, so several platforms (or test runs) can share a storage account.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,20}$|^$")]
    public string TablePrefix { get; set; } = "";

    /// <summary>How often the meter summarises new ledger rows and pushes them to Stripe (it also wakes when rows arrive).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The Stripe meter event name per category (<c>Billing__MeterEventNames__marketing</c>, …).</summary>
    public Dictionary<string, string> MeterEventNames { get; set; } = MessageCategories.All.ToDictionary(c => c, c => $"whatsapp_{c}");

    /// <summary>Attempts at one push within one meter cycle before it waits for the next cycle.</summary>
    [Range(1, 20)]
    public int AttemptsPerCycle { get; set; } = 4;

    /// <summary>How many tenant-buckets the meter works on at once, and how many pushes of one bucket it sends at once.</summary>
    [Range(1, 64)]
    public int PushConcurrency { get; set; } = 4;

    /// <summary>First back-off after a 429, a 5xx or a timeout; doubles per attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often a tenant's month-to-date spend is recomputed for its spend limit.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan SpendRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After new rows wake the meter, how long it waits for more before a pass, so one pass takes many rows.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan Coalesce { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the send path may rely on a spend total it read.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan SpendCacheTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the billing service checks Stripe's meters, plan prices and subscriptions against the catalog.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StripeSyncInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Days a tenant has to pay an invoice of the subscription the platform creates (Stripe's <c>days_until_due</c>).</summary>
    [Range(1, 365)]
    public int InvoiceDaysUntilDue { get; set; } = 30;

    public string EventNameFor(string category) => MeterEventNames.TryGetValue(category, out var name) ? name : $"whatsapp_{category}";
}
