namespace Platform.WhatsApp.Channels;

/// <summary>Finds the channel a phone number chose.</summary>
public sealed class WhatsAppChannels(IEnumerable<IWhatsAppChannel> channels)
{
    private readonly Dictionary<string, IWhatsAppChannel> _byName = channels.ToDictionary(channel => channel.Name, StringComparer.Ordinal);

    /// <summary>The names tenants may choose.</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;

    public IWhatsAppChannel Get(string name) =>
        _byName.TryGetValue(name, out var channel)
            ? channel
            : throw new InvalidOperationException($"No WhatsApp channel is named '{name}'.");
}
