using Platform.Billing.Hosting;
using Platform.Host.Hosting;

namespace Platform.Host.Billing;

public static class HostBillingHosting
{
    /// <summary>
    /// Billing for the host's APIs, and the whole billing service in-process when no RabbitMQ is configured (the embedded
    /// mode): then <c>dotnet run --project src/Platform.Host</c> meters usage and, with <c>Stripe__ApiKey</c>, pushes it.
    /// With RabbitMQ, <c>Platform.Billing</c> runs as its own deployment on the same broker and tables.
    /// </summary>
    public static WebApplicationBuilder AddPlatformBilling(this WebApplicationBuilder builder, PlatformMode mode, StartupReport report)
    {
        var stripeOn = !string.IsNullOrWhiteSpace(builder.Configuration["Stripe:ApiKey"]);
        if (mode.UsesRabbitMq)
        {
            builder.AddBillingCore();
            report.Add("Billing: metered by the Platform.Billing deployment; this host serves plans, usage and invoices");
        }
        else
        {
            builder.AddBillingService();
            report.Add(stripeOn
                ? "Billing: in-process (embedded); usage pushed to Stripe (Stripe__ApiKey)"
                : "Billing: in-process (embedded); usage recorded, not pushed (set Stripe__ApiKey to push to Stripe)");
        }

        return builder;
    }

    /// <summary>The partner and portal billing endpoints.</summary>
    public static WebApplication MapBillingApis(this WebApplication app)
    {
        app.MapPricePlansApi();
        app.MapRateCardApi();
        app.MapTenantBillingApi();
        app.MapPartnerUsageApi();
        app.MapPortalBillingApi();
        return app;
    }
}
