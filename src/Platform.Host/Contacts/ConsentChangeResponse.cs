namespace Platform.Host.Contacts;

/// <summary>One consent change: <c>kind</c> (opt_in, opt_out, opt_out_marketing, resume_marketing), <c>source</c>, <c>proof</c>, <c>at</c>.</summary>
public sealed record ConsentChangeResponse(string Kind, string Source, string? Proof, DateTimeOffset At);
