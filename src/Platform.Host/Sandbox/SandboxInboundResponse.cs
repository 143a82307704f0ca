namespace Platform.Host.Sandbox;

/// <summary>The wamid the sandbox gave the customer's message, as Meta would.</summary>
public sealed record SandboxInboundResponse(string Wamid);
