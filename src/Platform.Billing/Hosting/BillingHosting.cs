using Azure.Data.Tables;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Billing.Ledger;
using Platform.Billing.Metering;
using Platform.Billing.Plans;
using Platform.Billing.SpendLimits;
using Platform.Billing.Storage;
using Platform.Billing.StripeSync;
using Stripe;
using Platform.ServiceDefaults;

namespace Platform.Billing.Hosting;

/// <summary>
/// Wiring of billing, shared by its own process and by the host: the host always needs the catalog, the ledger's
/// summaries, spend limits and Stripe's invoices for its APIs; the meter and the consumers run in the billing process,
/// or in the host when it runs embedded (no RabbitMQ).
/// </summary>
public static class BillingHosting
{
    /// <summary>Stores (Azure tables when <c>ConnectionStrings__AzureStorage</c> is set, else memory), Stripe, spend limits.</summary>
    public static IHostApplicationBuilder AddBillingCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BillingOptions>().BindConfiguration(BillingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        if (builder.Configuration.GetConnectionString("AzureStorage") is { Length: > 0 } connectionString)
        {
            services.TryAddSingleton(new TableServiceClient(connectionString));
            services.TryAddSingleton(new BillingTables(builder.Configuration[$"{BillingOptions.Section}:TablePrefix"] ?? ""));
            services.TryAddSingleton<IBillingCatalog, AzureTableBillingCatalog>();
            services.TryAddSingleton<IUsageLedger, AzureTableUsageLedger>();
            services.AddHostedService<BillingTableInitializer>();
        }
        else
        {
            services.TryAddSingleton<IBillingCatalog, InMemoryBillingCatalog>();
            services.TryAddSingleton<IUsageLedger, InMemoryUsageLedger>();
        }

        var stripe = builder.Configuration.GetSection(StripeOptions.Section).Get<StripeOptions>() ?? new StripeOptions();
        if (stripe.Enabled)
        {
            services.TryAddSingleton<IStripeClient>(_ => new StripeClient(
                stripe.ApiKey,
                httpClient: new SystemNetHttpClient(new HttpClient { Timeout = stripe.RequestTimeout }, maxNetworkRetries: 0),
                apiBase: string.IsNullOrWhiteSpace(stripe.ApiBase) ? null : stripe.ApiBase.TrimEnd('/')));
        }

        services.TryAddSingleton<StripeGateway>();
        services.TryAddSingleton<StripeCatalogSync>();
        services.TryAddSingleton<PushResolver>();
        services.TryAddSingleton<ISpendLimits, SpendLimitChecker>();
        return builder;
    }

    /// <summary>The meter: summaries, Stripe pushes and spend thresholds. Add the consumers to the bus with <see cref="AddBillingConsumers"/>.</summary>
    public static IHostApplicationBuilder AddBillingService(this IHostApplicationBuilder builder)
    {
        builder.AddBillingCore();
        builder.Services.TryAddSingleton<MeterSignal>();
        builder.Services.TryAddSingleton<SpendTracker>();
        builder.Services.TryAddSingleton<UsageMeter>();

        // The meter reports push lag and unpushed usage; hosts without the service defaults still get the instruments.
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<PlatformMetrics>();
        builder.Services.AddHostedService<UsageMeterService>();
        builder.Services.AddHostedService<StripeCatalogService>();
        return builder;
    }

    /// <summary>Usage events into the ledger, and a Stripe customer for each new tenant.</summary>
    public static IBusRegistrationConfigurator AddBillingConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<OutboundMessageSentConsumer, OutboundMessageSentConsumerDefinition>();
        bus.AddConsumer<TenantCreatedConsumer, TenantCreatedConsumerDefinition>();
        return bus;
    }

    /// <summary>The billing process's own bus: RabbitMQ when <c>ConnectionStrings__RabbitMq</c> is set, else in memory.</summary>
    public static IHostApplicationBuilder AddBillingBus(this IHostApplicationBuilder builder)
    {
        var rabbitMq = builder.Configuration.GetConnectionString("RabbitMq");
        if (!string.IsNullOrWhiteSpace(rabbitMq) && string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("AzureStorage")))
        {
            throw new InvalidOperationException(
                "ConnectionStrings__AzureStorage must be set with ConnectionStrings__RabbitMq: the host reads the ledger the billing service writes.");
        }

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddBillingConsumers();
            if (!string.IsNullOrWhiteSpace(rabbitMq))
            {
                bus.UsingRabbitMq((context, rabbit) =>
                {
                    rabbit.Host(new Uri(rabbitMq));
                    rabbit.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, memory) => memory.ConfigureEndpoints(context));
            }
        });
        return builder;
    }
}
