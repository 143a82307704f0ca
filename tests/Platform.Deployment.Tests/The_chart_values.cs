using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Deployment.Tests;

public sealed partial class The_chart_values
{
    [Fact]
    public void Should_validate_against_the_schema() => Assert.Empty(ValuesSchema.Errors(Chart.Values));

    [Theory]
    [InlineData("host.replicas", "\"two\"")]
    [InlineData("host.replicas", "0")]
    [InlineData("host.terminationGracePeriodSeconds", "5")]
    [InlineData("host.resources.requests.memory", "\"lots\"")]
    [InlineData("host.autoscaling.targetCPUUtilizationPercentage", "150")]
    [InlineData("host.podDisruptionBudget.maxUnavailable", "0")]
    [InlineData("host.extraEnv", "[{\"value\": \"no name\"}]")]
    [InlineData("orleans.clusterId", "\"not a label!\"")]
    [InlineData("orleans.serviceId", "\"\"")]
    [InlineData("orleans.siloPort", "70000")]
    [InlineData("image.host.pullPolicy", "\"Sometimes\"")]
    [InlineData("service.type", "\"ExternalName\"")]
    [InlineData("ingress.hosts", "[{\"host\": \"a.example.com\", \"paths\": [{\"path\": \"/\", \"pathType\": \"Wildcard\"}]}]")]
    [InlineData("config.logLevel", "\"Verbose\"")]
    [InlineData("config.webhooks.timeout", "\"10s\"")]
    [InlineData("config.webhooks.allowPrivateTargets", "\"yes\"")]
    [InlineData("telemetry.otlpEndpoint", "\"collector:4317\"")]
    [InlineData("telemetry.otlpProtocol", "\"udp\"")]
    [InlineData("secrets.existingSecret", "\"\"")]
    [InlineData("secrets.encryption.keyIds", "[]")]
    [InlineData("secrets.encryption.activeKeyId", "\"key with spaces\"")]
    [InlineData("secrets.values.encryptionKeys", "{\"k1\": \"too-short\"}")]
    [InlineData("secrets.values.rabbitMq", "\"localhost:5672\"")]
    [InlineData("podSecurityContext.runAsNonRoot", "false")]
    [InlineData("containerSecurityContext.readOnlyRootFilesystem", "false")]
    [InlineData("containerSecurityContext.allowPrivilegeEscalation", "true")]
    [InlineData("stripe.apiBase", "\"stripe\"")]
    [InlineData("unknownSetting", "true")]
    [InlineData("host.replica", "3")]
    public void Should_reject_a_wrong_value(string path, string json)
    {
        var values = Chart.Values;
        Set(values, path, JsonNode.Parse(json));

        Assert.NotEmpty(ValuesSchema.Errors(values));
    }

    [Fact]
    public void Should_accept_a_quick_start_with_secrets_created_from_values()
    {
        var values = Chart.Values;
        Set(values, "secrets.create", JsonValue.Create(true));
        Set(values, "secrets.existingSecret", JsonValue.Create(""));
        Set(values, "secrets.values.encryptionKeys", JsonNode.Parse("""{"k1": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="}"""));

        Assert.Empty(ValuesSchema.Errors(values));
    }

    [Fact]
    public void Should_contain_every_value_a_template_reads()
    {
        var missing = Chart.AllTemplateFiles
            .SelectMany(file => ValuesReference().Matches(File.ReadAllText(file)).Select(match => (File: Path.GetFileName(file), Path: match.Groups["path"].Value)))
            .Where(reference => !Exists(Chart.Values, reference.Path))
            .Select(reference => $"{reference.File}: .Values.{reference.Path}")
            .Distinct()
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Should_give_the_silos_more_time_to_stop_than_the_host_waits_for_itself()
    {
        foreach (var component in new[] { "host", "billing" })
        {
            var grace = Chart.Values[component]!["terminationGracePeriodSeconds"]!.GetValue<long>();
            var shutdown = Chart.Values[component]!["shutdownTimeoutSeconds"]!.GetValue<long>();
            Assert.True(shutdown + 10 <= grace, $"{component}: the host's own shutdown ({shutdown} s) must end well before Kubernetes kills it ({grace} s).");
        }
    }

    [Fact]
    public void Should_list_the_active_encryption_key_among_the_keys()
    {
        var encryption = Chart.Values["secrets"]!["encryption"]!;
        Assert.Contains(encryption["activeKeyId"]!.GetValue<string>(), encryption["keyIds"]!.AsArray().Select(id => id!.GetValue<string>()));
    }

    private static bool Exists(JsonNode values, string path)
    {
        JsonNode? node = values;
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject map || !map.TryGetPropertyValue(segment, out node))
            {
                return false;
            }
        }

        return true;
    }

    private static void Set(JsonNode values, string path, JsonNode? value)
    {
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate(values, (node, segment) => node[segment]!);
        parent[segments[^1]] = value;
    }

    [GeneratedRegex(@"\.Values\.(?<path>[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*)")]
    private static partial Regex ValuesReference();
}
