namespace Platform.Host.CloudApi;

/// <summary>The recipient as the tenant wrote it and the wa_id it maps to.</summary>
public sealed record CloudContact(string Input, string WaId);
