namespace Platform.Grains.Deliveries;

/// <summary>Where dead letters are kept and what they are.</summary>
public static class DeadLetterPartitions
{
    /// <summary>Meta updates for a phone_number_id no tenant holds: the operator's list.</summary>
    public const string Inbound = "inbound";

    public const string DeliveryKind = "webhook_delivery";

    public const string InboundKind = "inbound_update";
}
