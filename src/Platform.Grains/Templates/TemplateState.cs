namespace Platform.Grains.Templates;

/// <summary>A template's stored state; <see cref="ApproveAt"/> is when a sandbox template approves itself.</summary>
[GenerateSerializer, Alias("Platform.TemplateState")]
public sealed class TemplateState
{
    [Id(0)] public TemplateDefinition? Template { get; set; }
    [Id(1)] public DateTimeOffset? ApproveAt { get; set; }
}
