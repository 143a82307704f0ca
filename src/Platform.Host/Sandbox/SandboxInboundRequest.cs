namespace Platform.Host.Sandbox;

/// <summary>Body of <c>POST /v1/sandbox/inbound</c>: who writes, to which sandbox number, what.</summary>
public sealed record SandboxInboundRequest(string? PhoneNumberId, string? From, string? Text);
