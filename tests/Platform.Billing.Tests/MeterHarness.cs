using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Billing.Hosting;
using Platform.Billing.Ledger;
using Platform.Billing.Metering;
using Platform.Billing.Plans;

namespace Platform.Billing.Tests;

/// <summary>
/// The billing service's meter without its bus, over the in-memory stores or (when ./test.sh provides Azurite) the Azure
/// tables under a prefix of its own. Building a second harness over the same stores is a restart of the service.
/// </summary>
public sealed class MeterHarness : IDisposable
{
    private readonly IHost _host;

    private MeterHarness(IHost host)
    {
        _host = host;
        Meter = host.Services.GetRequiredService<UsageMeter>();
        Ledger = host.Services.GetRequiredService<IUsageLedger>();
        Catalog = host.Services.GetRequiredService<IBillingCatalog>();
        Resolver = host.Services.GetRequiredService<PushResolver>();
        CatalogSync = host.Services.GetRequiredService<Platform.Billing.StripeSync.StripeCatalogSync>();
    }

    public Platform.Billing.StripeSync.StripeCatalogSync CatalogSync { get; }

    public PushResolver Resolver { get; }

    public UsageMeter Meter { get; }

    public IUsageLedger Ledger { get; }

    public IBillingCatalog Catalog { get; }

    public static IEnumerable<object[]> Storages()
    {
        yield return ["memory"];
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PLATFORM_TEST_AZURE_STORAGE")))
        {
            yield return ["azure"];
        }
    }

    /// <summary>A meter over <paramref name="stores"/> (a previous harness's, to restart) or fresh stores.</summary>
    public static async Task<MeterHarness> StartAsync(
        FakeStripe stripe, StoreSet stores, Func<IUsageLedger, IUsageLedger>? wrapLedger = null, bool stripeOn = true, TimeProvider? time = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["Stripe:ApiKey"] = stripeOn ? FakeStripe.ApiKey : null,
            ["Stripe:ApiBase"] = stripe.Url,
            ["Stripe:RequestTimeout"] = "00:00:01",
            ["Billing:RetryBackoff"] = "00:00:00.010",
            ["Billing:TablePrefix"] = stores.TablePrefix,
        };
        if (stores.Kind == "azure")
        {
            settings["ConnectionStrings:AzureStorage"] = Environment.GetEnvironmentVariable("PLATFORM_TEST_AZURE_STORAGE");
        }
        else
        {
            builder.Services.AddSingleton<IUsageLedger>(stores.MemoryLedger);
            builder.Services.AddSingleton<IBillingCatalog>(stores.MemoryCatalog);
        }

        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBillingService();
        if (wrapLedger is not null)
        {
            var inner = builder.Services.Last(d => d.ServiceType == typeof(IUsageLedger));
            builder.Services.Remove(inner);
            builder.Services.AddSingleton(services => wrapLedger(inner.ImplementationInstance as IUsageLedger
                ?? (IUsageLedger)ActivatorUtilities.CreateInstance(services, inner.ImplementationType!)));
        }

        var host = builder.Build();
        if (stores.Kind == "azure")
        {
            await host.Services.GetRequiredService<Platform.Billing.Storage.BillingTables>()
                .CreateAsync(host.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>(), CancellationToken.None);
        }

        return new MeterHarness(host);
    }

    /// <summary>Runs the meter until nothing is dirty (or fails after a few passes).</summary>
    public async Task SettleAsync()
    {
        for (var pass = 0; pass < 20; pass++)
        {
            await Meter.RunOnceAsync(CancellationToken.None);
            if ((await Ledger.DirtyAsync(1, CancellationToken.None)).Count == 0)
            {
                return;
            }
        }

        throw new TimeoutException("The meter did not settle within 20 passes.");
    }

    /// <summary>The ledger's chargeable units per tenant and category over the given tenant-buckets: its groups and unassigned rows.</summary>
    public async Task<Dictionary<(string Tenant, string Category), long>> LedgerSumsAsync(IEnumerable<(string Tenant, DateTimeOffset Bucket)> partitions)
    {
        var sums = new Dictionary<(string, string), long>();
        foreach (var (tenant, bucket) in partitions.Distinct())
        {
            var partition = await Ledger.ReadAsync(tenant, bucket, CancellationToken.None);
            foreach (var (category, units) in partition.Pushes.Select(p => (p.Category, p.Units)).Concat(partition.Unassigned.Select(e => (e.Category, e.Units))).Where(p => p.Units > 0))
            {
                sums[(tenant, category)] = sums.GetValueOrDefault((tenant, category)) + units;
            }
        }

        return sums;
    }

    public void Dispose() => _host.Dispose();

    /// <summary>The stores one billing service uses, kept across its restarts.</summary>
    public sealed record StoreSet(string Kind)
    {
        public string TablePrefix { get; } = "t" + Guid.NewGuid().ToString("N")[..12];

        public Platform.Billing.Storage.InMemoryUsageLedger MemoryLedger { get; } = new();

        public Platform.Billing.Storage.InMemoryBillingCatalog MemoryCatalog { get; } = new();

        public static string TenantId() => "ten_" + Guid.NewGuid().ToString("N")[..20].ToUpper(CultureInfo.InvariantCulture);
    }
}
