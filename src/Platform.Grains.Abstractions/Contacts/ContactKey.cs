namespace Platform.Grains.Contacts;

/// <summary>Identifies a contact: consent is recorded per tenant and customer, whichever of the tenant's numbers they write to.</summary>
public readonly record struct ContactKey(string TenantId, string WaId)
{
    private const char Separator = '|';

    public override string ToString() => string.Join(Separator, TenantId, WaId);

    public static ContactKey Parse(string key)
    {
        var parts = key.Split(Separator);
        return parts.Length == 2
            ? new ContactKey(parts[0], parts[1])
            : throw new FormatException($"'{key}' is not a contact key (tenant|wa_id).");
    }
}
