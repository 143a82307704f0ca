using System.Reflection;
using System.Text.RegularExpressions;

namespace Platform.Deployment.Tests;

/// <summary>
/// The configuration keys a deployable reads, found in its code: every options class with a <c>Section</c> constant
/// (its settable properties; a dictionary property takes any sub-key), plus the literal keys its sources read
/// (<c>GetConnectionString("X")</c>, <c>Configuration["X"]</c>). Keys use ':' as .NET configuration does.
/// </summary>
internal sealed partial class ConfigurationKeys
{
    private readonly HashSet<string> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _prefixes = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Exact => _exact;

    public static ConfigurationKeys Of(params string[] projects)
    {
        var keys = new ConfigurationKeys();
        var present = projects.Where(project => Directory.Exists(Repository.Source(project))).ToList();
        var assemblies = present.Select(Assembly.Load).ToList();
        foreach (var assembly in assemblies)
        {
            keys.AddOptionsOf(assembly);
        }

        var types = assemblies.SelectMany(assembly => assembly.GetTypes()).GroupBy(type => type.Name).ToDictionary(group => group.Key, group => group.First());
        foreach (var project in present)
        {
            keys.AddLiteralReadsIn(Repository.Source(project), types);
        }

        return keys;
    }

    /// <summary>Whether the deployable reads <paramref name="key"/> (':' or '__' separated, any case).</summary>
    public bool Reads(string key)
    {
        var normalized = Normalize(key);
        return _exact.Contains(normalized) || _prefixes.Any(prefix => normalized.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    public static string Normalize(string key) => key.Replace("__", ":", StringComparison.Ordinal);

    private void AddOptionsOf(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string section)
            {
                AddProperties(section, type, depth: 0);
            }
        }
    }

    private void AddProperties(string prefix, Type type, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType))
            {
                _prefixes.Add(key + ":");
            }
            else if (propertyType.Namespace?.StartsWith("Platform", StringComparison.Ordinal) == true && propertyType.IsClass && depth < 3)
            {
                AddProperties(key, propertyType, depth + 1);
            }
            else
            {
                _exact.Add(key);
            }
        }
    }

    private void AddLiteralReadsIn(string sourceDirectory, Dictionary<string, Type> types)
    {
        foreach (var file in Directory.EnumerateFiles(sourceDirectory, "*.cs", SearchOption.AllDirectories)
                     .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var code = File.ReadAllText(file);
            foreach (Match match in ConnectionString().Matches(code))
            {
                _exact.Add($"ConnectionStrings:{match.Groups["name"].Value}");
            }

            foreach (Match match in IndexerRead().Matches(code))
            {
                _exact.Add(match.Groups["key"].Value);
            }

            // Options bound to another class's section (AddOptions<WebhookDeliveryOptions>().BindConfiguration(WebhookOptions.Section)).
            foreach (Match match in BoundToSection().Matches(code))
            {
                if (types.TryGetValue(match.Groups["options"].Value, out var options)
                    && types.TryGetValue(match.Groups["owner"].Value, out var owner)
                    && owner.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() is string section)
                {
                    AddProperties(section, options, depth: 0);
                }
            }
        }
    }

    [GeneratedRegex("""GetConnectionString\(\s*"(?<name>[^"]+)"\s*\)""")]
    private static partial Regex ConnectionString();

    [GeneratedRegex("""Configuration\[\s*"(?<key>[^"]+)"\s*\]""")]
    private static partial Regex IndexerRead();

    [GeneratedRegex(@"AddOptions<(?<options>\w+)>\(\)\s*\.BindConfiguration\((?<owner>\w+)\.Section\)")]
    private static partial Regex BoundToSection();
}
