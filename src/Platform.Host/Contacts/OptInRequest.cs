namespace Platform.Host.Contacts;

/// <summary>Body of <c>POST /v1/contacts/{wa_id}/opt-in</c>: where the consent was given (<c>source</c>, such as "checkout form") and the <c>proof</c> text.</summary>
public sealed record OptInRequest(string? Source, string? Proof);
