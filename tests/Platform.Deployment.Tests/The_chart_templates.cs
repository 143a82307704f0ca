using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Platform.Deployment.Tests;

public sealed partial class The_chart_templates
{
    public static TheoryData<string> Manifests() => [.. Chart.ManifestTemplates.Select(path => Path.GetFileName(path)!)];

    public static TheoryData<string> Files() => [.. Chart.AllTemplateFiles.Select(path => Path.GetFileName(path)!)];

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Should_parse_as_kubernetes_objects_once_the_actions_are_stripped(string template)
    {
        var documents = Chart.Documents(template);

        Assert.NotEmpty(documents);
        Assert.All(documents, document =>
        {
            Assert.True(document.Children.ContainsKey("apiVersion"), $"{template}: a document without apiVersion");
            Assert.True(document.Children.ContainsKey("kind"), $"{template}: a document without kind");
            Assert.NotNull(Chart.At(document, "metadata", "name"));
        });
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_close_every_block_it_opens(string template)
    {
        var actions = Action().Matches(Chart.Template(template)).Select(match => match.Groups["keyword"].Value).ToList();
        var depth = 0;
        foreach (var keyword in actions)
        {
            depth += keyword is "end" ? -1 : keyword is "else" ? 0 : 1;
            Assert.True(depth >= 0, $"{template}: an end without a block");
        }

        Assert.Equal(0, depth);
    }

    [Theory]
    [InlineData("host")]
    [InlineData("billing")]
    public void Should_probe_the_health_endpoints_and_keep_the_root_filesystem_read_only(string component)
    {
        var pod = (YamlMappingNode)Chart.At(Chart.Documents($"{component}-deployment.yaml").Single(), "spec", "template", "spec");
        var container = (YamlMappingNode)((YamlSequenceNode)pod["containers"])[0];

        Assert.Equal("/health/live", Scalar(container, "startupProbe", "httpGet", "path"));
        Assert.Equal("/health/live", Scalar(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal("/health/ready", Scalar(container, "readinessProbe", "httpGet", "path"));
        Assert.Contains(((YamlSequenceNode)container["volumeMounts"]).Cast<YamlMappingNode>(), mount => Scalar(mount, "mountPath") == "/tmp");
        Assert.True(container.Children.ContainsKey("securityContext"));
        Assert.True(container.Children.ContainsKey("resources"));
        Assert.True(pod.Children.ContainsKey("securityContext"));
        Assert.True(pod.Children.ContainsKey("terminationGracePeriodSeconds"));
    }

    [Fact]
    public void Should_let_the_silos_read_label_and_watch_their_pods()
    {
        var role = Chart.Documents("rbac.yaml").Single(document => Scalar(document, "kind") == "Role");
        var rule = (YamlMappingNode)((YamlSequenceNode)role["rules"])[0];

        Assert.Equal(["pods"], ((YamlSequenceNode)rule["resources"]).Select(node => node.ToString()));
        Assert.Equal(["get", "list", "patch", "watch"], ((YamlSequenceNode)rule["verbs"]).Select(node => node.ToString()).Order());
    }

    [Fact]
    public void Should_label_the_silo_pods_with_the_orleans_cluster_and_service_ids()
    {
        var labels = (YamlMappingNode)Chart.At(Chart.Documents("host-deployment.yaml").Single(), "spec", "template", "metadata", "labels");

        Assert.True(labels.Children.ContainsKey("orleans/clusterId"));
        Assert.True(labels.Children.ContainsKey("orleans/serviceId"));
        Assert.Contains(".Values.orleans.clusterId", Chart.Template("host-deployment.yaml"), StringComparison.Ordinal);
    }

    private static string? Scalar(YamlNode node, params string[] keys) => ((YamlScalarNode)Chart.At(node, keys)).Value;

    [GeneratedRegex(@"\{\{-?\s*(?<keyword>if|range|with|define|block|else|end)\b")]
    private static partial Regex Action();
}
