namespace Platform.Host.Privacy;

/// <summary>
/// The tenant's privacy settings (<c>/v1/settings/privacy</c>): after how many days message bodies are removed from the
/// history; null keeps them.
/// </summary>
public sealed record RetentionSettings(int? MessageRetentionDays);
