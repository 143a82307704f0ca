using Platform.Grains.Conversations;
using Platform.Host.CloudApi;
using Platform.Host.Outbound;
using Platform.WhatsApp.CloudApi;

namespace Platform.Host.Messages;

public static class MessagingEngineHosting
{
    /// <summary>The send pipeline, the Cloud API channel's access to numbers' tokens, and the pacing and retry settings.</summary>
    public static WebApplicationBuilder AddMessagingEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MessageSender>();
        builder.Services.AddSingleton<IAccessTokenSource, TenantAccessTokens>();
        builder.Services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section);
        builder.Services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section);
        return builder;
    }
}
