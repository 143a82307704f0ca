using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Platform.Deployment.Tests;

/// <summary>values.schema.json, as Helm applies it to the merged values before rendering.</summary>
internal static class ValuesSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(Chart.Schema));

    /// <summary>The schema's complaints about <paramref name="values"/>; empty when they are valid.</summary>
    public static IReadOnlyList<string> Errors(JsonNode values)
    {
        using var document = JsonDocument.Parse(values.ToJsonString());
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}"))
                .DefaultIfEmpty("invalid")
                .ToList();
    }
}
