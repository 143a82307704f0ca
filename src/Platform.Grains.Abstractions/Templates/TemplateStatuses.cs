namespace Platform.Grains.Templates;

/// <summary>Meta's template statuses; only <see cref="Approved"/> templates send.</summary>
public static class TemplateStatuses
{
    public const string Pending = "PENDING";
    public const string Approved = "APPROVED";
    public const string Rejected = "REJECTED";
    public const string Paused = "PAUSED";
    public const string Disabled = "DISABLED";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Pending, Approved, Rejected, Paused, Disabled };
}
