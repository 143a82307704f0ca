namespace Platform.Host.Privacy;

/// <summary>Settings of the privacy features (section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// How often message bodies past a tenant's retention period are removed. A body outlives its period by at most this
    /// much; each pass reads only the history created since the last one.
    /// </summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
