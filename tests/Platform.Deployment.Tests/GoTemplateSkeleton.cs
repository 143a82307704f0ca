using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Platform.Deployment.Tests;

/// <summary>
/// The YAML a Helm template would render, with its Go-template actions stripped: control lines (<c>if</c>, <c>range</c>,
/// <c>with</c>, <c>end</c>, variables) disappear and every branch is kept; a line that is only an
/// <c>include</c>/<c>toYaml</c> piped to <c>nindent N</c> becomes one placeholder entry at column N, a list item when its
/// siblings are list items; an action inside a line becomes the scalar <see cref="Action"/>.
/// </summary>
internal static partial class GoTemplateSkeleton
{
    public const string Action = "ACTION";

    public static string Strip(string template)
    {
        var withoutComments = Comment().Replace(template, "");
        var lines = withoutComments.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var output = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var standalone = Standalone().Match(line);
            if (standalone.Success)
            {
                var body = standalone.Groups["body"].Value;
                var indent = NIndent().Match(body);
                if (indent.Success)
                {
                    var column = int.Parse(indent.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    var pad = new string(' ', column);
                    output.Append(pad).Append(SiblingsAreListItems(lines, i, column) ? $"- {Action}" : $"{Action}_{i}: {Action}").Append('\n');
                }

                continue;
            }

            output.Append(Inline().Replace(line, Action)).Append('\n');
        }

        return output.ToString();
    }

    /// <summary>The non-empty documents of a template's skeleton.</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string template)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Strip(template)));
        return stream.Documents
            .Select(document => document.RootNode)
            .Where(node => node is not YamlScalarNode { Value: null or "" })
            .Select(node => node as YamlMappingNode
                ?? throw new InvalidDataException($"A document of the template is a {node.NodeType}, not a mapping (line {node.Start.Line})."))
            .ToList();
    }

    private static bool SiblingsAreListItems(List<string> lines, int index, int column)
    {
        foreach (var step in new[] { -1, 1 })
        {
            for (var j = index + step; j >= 0 && j < lines.Count; j += step)
            {
                var line = lines[j];
                if (string.IsNullOrWhiteSpace(line) || Standalone().IsMatch(line) || line.TrimStart().StartsWith('#'))
                {
                    continue;
                }

                var indent = line.Length - line.TrimStart().Length;
                if (indent == column)
                {
                    return line.TrimStart().StartsWith("- ", StringComparison.Ordinal);
                }

                if (indent < column)
                {
                    break;
                }
            }
        }

        return false;
    }

    [GeneratedRegex(@"\{\{-?\s*/\*.*?\*/\s*-?\}\}\n?", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^\s*\{\{-?(?<body>.*?)-?\}\}\s*$")]
    private static partial Regex Standalone();

    [GeneratedRegex(@"\|\s*nindent\s+(?<n>\d+)\s*$")]
    private static partial Regex NIndent();

    [GeneratedRegex(@"\{\{-?.*?-?\}\}")]
    private static partial Regex Inline();
}
