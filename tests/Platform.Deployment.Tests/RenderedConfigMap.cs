using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Deployment.Tests;

/// <summary>
/// The data of one component's ConfigMap rendered with the chart's default values, for the template's own simple forms:
/// <c>Key: {{ .Values.a.b | quote }}</c>, a literal <c>Key: value</c>, and <c>{{- with .Values.x }}</c> blocks (left out
/// when the value is empty, with <c>.</c> standing for it inside).
/// </summary>
internal static partial class RenderedConfigMap
{
    public static Dictionary<string, string> Of(string component)
    {
        var values = Chart.Values;
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        string? currentComponent = null;
        var inData = false;
        var skipping = false;
        JsonNode? with = null;
        foreach (var line in Chart.Template("configmap.yaml").Split('\n'))
        {
            if (line.Contains("kind: ConfigMap", StringComparison.Ordinal))
            {
                (currentComponent, inData) = (null, false);
            }
            else if (ComponentLabel().Match(line) is { Success: true } label)
            {
                currentComponent = label.Groups["component"].Value;
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                inData = true;
            }
            else if (WithBlock().Match(line) is { Success: true } block)
            {
                with = Lookup(values, block.Groups["path"].Value);
                skipping = with is null || with.ToString().Length == 0;
            }
            else if (EndBlock().IsMatch(line))
            {
                (with, skipping) = (null, false);
            }
            else if (inData && !skipping && currentComponent == component && Entry().Match(line) is { Success: true } entry)
            {
                var value = entry.Groups["value"].Value;
                data[entry.Groups["key"].Value] = Value().Match(value) is { Success: true } reference
                    ? (reference.Groups["path"].Value == "." ? with : Lookup(values, reference.Groups["path"].Value))?.ToString() ?? ""
                    : value;
            }
        }

        return data;
    }

    private static JsonNode? Lookup(JsonNode values, string path) =>
        path.Split('.').Aggregate((JsonNode?)values, (node, segment) => node?[segment]);

    [GeneratedRegex(@"app\.kubernetes\.io/component: (?<component>\w+)")]
    private static partial Regex ComponentLabel();

    [GeneratedRegex(@"^\s*\{\{- with \$?\.Values\.(?<path>[\w.]+) \}\}\s*$")]
    private static partial Regex WithBlock();

    [GeneratedRegex(@"^\s*\{\{- end \}\}\s*$")]
    private static partial Regex EndBlock();

    [GeneratedRegex(@"^  (?<key>[A-Za-z_][A-Za-z0-9_]*): (?<value>.+?)\s*$")]
    private static partial Regex Entry();

    [GeneratedRegex(@"^\{\{ (\$?\.Values\.(?<path>[\w.]+)|(?<path>\.)) \| quote \}\}$")]
    private static partial Regex Value();
}
