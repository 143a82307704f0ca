using YamlDotNet.RepresentationModel;

namespace Platform.Deployment.Tests;

/// <summary>deploy/compose.yaml: the environment variable names each service sets.</summary>
internal static class Compose
{
    public static YamlMappingNode Services
    {
        get
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(Repository.ComposeFile)));
            return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["services"];
        }
    }

    public static SortedSet<string> EnvironmentOf(string service)
    {
        var definition = (YamlMappingNode)Services[service];
        var names = new SortedSet<string>(StringComparer.Ordinal);
        if (definition.Children.TryGetValue("environment", out var environment))
        {
            names.UnionWith(environment switch
            {
                YamlMappingNode map => map.Children.Keys.Select(key => ((YamlScalarNode)key).Value!),
                YamlSequenceNode list => list.Select(item => ((YamlScalarNode)item).Value!.Split('=')[0]),
                _ => [],
            });
        }

        return names;
    }
}
