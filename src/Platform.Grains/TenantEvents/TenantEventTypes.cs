namespace Platform.Grains.TenantEvents;

/// <summary>The event types tenants' webhook endpoints receive.</summary>
public static class TenantEventTypes
{
    public const string MessageReceived = "message.received";
    public const string MessageStatus = "message.status";
}
