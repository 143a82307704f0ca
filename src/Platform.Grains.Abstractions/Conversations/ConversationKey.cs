namespace Platform.Grains.Conversations;

/// <summary>
/// Identifies a conversation: Meta keeps the customer-service window per business number and customer, and we keep it per
/// tenant too, so a number moving between tenants never inherits a window.
/// </summary>
public readonly record struct ConversationKey(string TenantId, string PhoneNumberId, string WaId)
{
    private const char Separator = '|';

    public override string ToString() => string.Join(Separator, TenantId, PhoneNumberId, WaId);

    public static ConversationKey Parse(string key)
    {
        var parts = key.Split(Separator);
        if (parts.Length != 3)
        {
            throw new FormatException($"'{key}' is not a conversation key (tenant|phone_number_id|wa_id).");
        }

        return new ConversationKey(parts[0], parts[1], parts[2]);
    }
}
