namespace Platform.Host.Contacts;

/// <summary>Body of <c>POST /v1/contacts/{wa_id}/opt-out</c> (optional): <c>scope</c> <c>all</c> (default) or <c>marketing</c>, and a note.</summary>
public sealed record OptOutRequest(string? Scope, string? Proof);
