namespace Platform.Grains.Contacts;

/// <summary>Where a consent change came from, kept in the contact's history.</summary>
public static class ConsentSources
{
    public const string Api = "api";
    public const string Keyword = "keyword";
    public const string Meta = "meta";
}
