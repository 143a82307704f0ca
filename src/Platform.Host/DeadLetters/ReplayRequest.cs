namespace Platform.Host.DeadLetters;

/// <summary>Body of a bulk replay: only one endpoint's letters when <see cref="EndpointId"/> is given; at most <see cref="Limit"/> (default and maximum 500).</summary>
public sealed record ReplayRequest(string? EndpointId, int? Limit);
