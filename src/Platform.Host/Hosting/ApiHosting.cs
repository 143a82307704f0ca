using System.Text.Json;
using Platform.Host.Partner;
using Platform.Host.Problems;
using Platform.WhatsApp;
using Platform.WhatsApp.CloudApi;

namespace Platform.Host.Hosting;

public static class ApiHosting
{
    /// <summary>What every endpoint shares: snake_case JSON like Meta's and Stripe's APIs, problem details, OpenAPI, the clock.</summary>
    public static WebApplicationBuilder AddPlatformApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
        });
        builder.AddPlatformProblems();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IClusterShare, SiloShare>();
        builder.Services.AddWhatsAppChannels();
        Platform.Host.Messages.MessagingEngineHosting.AddMessagingEngine(builder);
        builder.AddPlatformTenancy();
        return builder;
    }

    /// <summary>Lines of the start-up log naming the mode each part runs in.</summary>
    public static StartupReport AddStartupReport(this WebApplicationBuilder builder, PlatformMode mode)
    {
        var report = new StartupReport();
        report.Add(mode.UsesAzureStorage
            ? "Grain state, clustering and message history: Azure Table storage (ConnectionStrings__AzureStorage)"
            : "Grain state, clustering and message history: in memory, localhost clustering (embedded; set ConnectionStrings__AzureStorage for Azure Table storage)");
        report.Add(mode.UsesRabbitMq
            ? $"Queues: RabbitMQ at {new Uri(mode.RabbitMq!).Host} (ConnectionStrings__RabbitMq)"
            : "Queues: MassTransit in-memory transport (embedded; set ConnectionStrings__RabbitMq for RabbitMQ)");
        report.Add("WhatsApp channels: sandbox (the default) and cloud_api (Meta's Graph API at WhatsApp__GraphApiBase), chosen per phone number");
        builder.Services.AddSingleton(report);
        builder.Services.AddHostedService<StartupReporter>();
        return report;
    }
}
