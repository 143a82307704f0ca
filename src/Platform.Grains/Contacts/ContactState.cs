namespace Platform.Grains.Contacts;

/// <summary>A contact's stored state. <see cref="MarketingOptOutSource"/> remembers whether Meta or the tenant stopped marketing.</summary>
[GenerateSerializer, Alias("Platform.ContactState")]
public sealed class ContactState
{
    [Id(0)] public ConsentSnapshot? Consent { get; set; }
    [Id(1)] public List<ConsentChange> History { get; set; } = [];
    [Id(2)] public string? MarketingOptOutSource { get; set; }
}
