using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Platform.Deployment.Tests;

/// <summary>The chart's files as the tests see them: values, schema, template skeletons, environment variable names.</summary>
internal static partial class Chart
{
    public static string ValuesYaml => File.ReadAllText(Path.Combine(Repository.Chart, "values.yaml"));

    public static JsonNode Values => YamlToJson.Parse(ValuesYaml) ?? throw new InvalidDataException("values.yaml is empty.");

    public static string Schema => File.ReadAllText(Path.Combine(Repository.Chart, "values.schema.json"));

    /// <summary>Every file under templates/, helpers and NOTES.txt included.</summary>
    public static IEnumerable<string> AllTemplateFiles => Directory.EnumerateFiles(Repository.ChartTemplates).Order(StringComparer.Ordinal);

    /// <summary>The templates that render Kubernetes objects.</summary>
    public static IEnumerable<string> ManifestTemplates => AllTemplateFiles
        .Where(path => Path.GetExtension(path) is ".yaml" or ".yml" && !Path.GetFileName(path).StartsWith('_'));

    public static string Template(string name) => File.ReadAllText(Path.Combine(Repository.ChartTemplates, name));

    public static IReadOnlyList<YamlMappingNode> Documents(string name) => GoTemplateSkeleton.Documents(Template(name));

    /// <summary>
    /// Environment variable names one component's container gets: its ConfigMap's keys, the literal <c>env</c> entries
    /// of its Deployment, and the Secret keys it references. A name built from a value (<c>Secrets__Keys__{{ $id }}</c>)
    /// ends in <see cref="GoTemplateSkeleton.Action"/>.
    /// </summary>
    public static SortedSet<string> EnvironmentOf(string component)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var configMap in Documents("configmap.yaml").Where(document => ComponentOf(document) == component))
        {
            names.UnionWith(((YamlMappingNode)configMap["data"]).Children.Keys.Select(key => ((YamlScalarNode)key).Value!));
        }

        var deployment = $"{component}-deployment.yaml";
        var container = (YamlMappingNode)((YamlSequenceNode)At(Documents(deployment).Single(), "spec", "template", "spec", "containers"))[0];
        if (container.Children.TryGetValue("env", out var env) && env is YamlSequenceNode entries)
        {
            names.UnionWith(entries.OfType<YamlMappingNode>()
                .Where(entry => entry.Children.ContainsKey("name"))
                .Select(entry => ((YamlScalarNode)entry["name"]).Value!)
                .Where(name => name != GoTemplateSkeleton.Action));
        }

        var template = Template(deployment);
        names.UnionWith(SecretEnvName().Matches(template).Select(match => match.Groups["name"].Value));
        names.UnionWith(SecretEnvPattern().Matches(template).Select(match => match.Groups["prefix"].Value + GoTemplateSkeleton.Action));
        return names;
    }

    /// <summary>The keys of the Secret the chart creates for a quick start.</summary>
    public static SortedSet<string> SecretKeys() =>
        new(((YamlMappingNode)Documents("secret.yaml").Single()["stringData"]).Children.Keys.Select(key => ((YamlScalarNode)key).Value!), StringComparer.Ordinal);

    public static YamlNode At(YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (current, key) => ((YamlMappingNode)current)[key]);

    private static string? ComponentOf(YamlMappingNode document) =>
        ((YamlMappingNode)At(document, "metadata", "labels")).Children.TryGetValue("app.kubernetes.io/component", out var value)
            ? ((YamlScalarNode)value).Value
            : null;

    [GeneratedRegex("""include "platform\.secretEnv" \(dict "root" \$ "name" "(?<name>[A-Za-z0-9_]+)"[^)]*\)""")]
    private static partial Regex SecretEnvName();

    [GeneratedRegex("""include "platform\.secretEnv" \(dict "root" \$ "name" \(printf "(?<prefix>[A-Za-z0-9_]+)%s""")]
    private static partial Regex SecretEnvPattern();
}
