namespace Platform.Grains.Templates;

/// <summary>Identifies a template as Meta does within a WABA: by name and language (a tenant's templates are ours to scope).</summary>
public readonly record struct TemplateKey(string TenantId, string Name, string Language)
{
    private const char Separator = '|';

    public override string ToString() => string.Join(Separator, TenantId, Name, Language);

    public static TemplateKey Parse(string key)
    {
        var parts = key.Split(Separator);
        return parts.Length == 3
            ? new TemplateKey(parts[0], parts[1], parts[2])
            : throw new FormatException($"'{key}' is not a template key (tenant|name|language).");
    }
}
