using Platform.Grains.Conversations;
using Platform.Host.Outbound;

namespace Platform.Host.Messages;

public static class MessagingEngineHosting
{
    /// <summary>The send pipeline, and the pacing and retry settings. (Numbers' tokens come from tenancy's <c>PhoneNumberAccessTokens</c>.)</summary>
    public static WebApplicationBuilder AddMessagingEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MessageSender>();
        builder.Services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.Section);
        builder.Services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section);
        return builder;
    }
}
