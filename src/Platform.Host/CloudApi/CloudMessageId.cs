namespace Platform.Host.CloudApi;

/// <summary>The message's id: ours (<c>msg_…</c>), the one our statuses and webhooks carry.</summary>
public sealed record CloudMessageId(string Id);
