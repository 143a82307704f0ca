namespace Platform.Host.Media;

/// <summary>Meta's answer to a delete: <c>{"success": true}</c>.</summary>
public sealed record CloudSuccess(bool Success);
