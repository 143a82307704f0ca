using Azure.Data.Tables;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Platform.Grains.Audit;
using Platform.Grains.Contacts;
using Platform.Grains.Tenants;
using Platform.Grains.Tenants.Indexes;
using Platform.Host.ApiKeys;
using Platform.Host.Audit;
using Platform.Host.Authentication;
using Platform.Host.Hosting;
using Platform.Host.PhoneNumbers;
using Platform.Host.RateLimiting;
using Platform.Host.Templates;
using Platform.WhatsApp.CloudApi;
using Platform.WhatsApp.Onboarding;

namespace Platform.Host.Partner;

public static class TenancyHosting
{
    /// <summary>
    /// Tenancy's services: the index tables (tenants, audit log, opted-out contacts; in memory when embedded), scopes and
    /// suspension on every portal route, per-key rate limits, and Meta's Graph API for onboarding numbers and templates.
    /// </summary>
    public static WebApplicationBuilder AddPlatformTenancy(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (PlatformMode.From(builder.Configuration).AzureStorage is { } connectionString)
        {
            services.AddSingleton<IIndexStore>(provider => new AzureTableIndexStore(provider.GetService<TableServiceClient>() ?? new TableServiceClient(connectionString)));
        }
        else
        {
            services.AddSingleton<IIndexStore, InMemoryIndexStore>();
        }

        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ContactIndex>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<ApiKeyIssuer>();
        services.AddScoped<PhoneNumberRegistration>();
        services.AddSingleton<IAccessTokenSource, PhoneNumberAccessTokens>();

        services.AddSingleton<IAuthorizationHandler, TenantAccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PlatformAuthorizationResultHandler>();

        services.AddOptions<GraphApiOptions>().BindConfiguration(GraphApiOptions.Section);
        services.AddHttpClient<MetaGraphClient>(client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddOptions<TemplateOptions>().BindConfiguration(TemplateOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<OpenApiOptions>("v1", TenancyOpenApiExamples.AddTo);
        builder.AddPlatformRateLimiting();
        return builder;
    }
}
