namespace Platform.Host.Media;

/// <summary>Meta's answer to an upload: <c>{"id": …}</c> (here our media id).</summary>
public sealed record CloudMediaId(string Id);
