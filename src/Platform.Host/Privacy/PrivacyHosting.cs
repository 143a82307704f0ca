namespace Platform.Host.Privacy;

public static class PrivacyHosting
{
    /// <summary>Erasing customers, and the sweep that removes message bodies past each tenant's retention period.</summary>
    public static WebApplicationBuilder AddPlatformPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section);
        builder.Services.AddSingleton<CustomerEraser>();
        builder.Services.AddHostedService<MessageRetentionSweeper>();
        return builder;
    }
}
