namespace Platform.Host.Templates;

/// <summary>Template settings (section <c>Templates</c>).</summary>
public sealed class TemplateOptions
{
    public const string Section = "Templates";

    /// <summary>How long a sandbox template stays PENDING before it approves itself, as Meta's review would.</summary>
    public TimeSpan SandboxApprovalDelay { get; set; } = TimeSpan.FromSeconds(5);
}
