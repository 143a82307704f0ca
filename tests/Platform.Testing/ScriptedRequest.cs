using System.Text.Json;

namespace Platform.Testing;

/// <summary>One request a <see cref="ScriptedWebhookReceiver"/> received, and the status it answered.</summary>
public sealed record ScriptedRequest(
    string Path, IReadOnlyDictionary<string, string> Headers, byte[] BodyBytes, string Body, int AnsweredStatus, DateTimeOffset At)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Type => Headers.GetValueOrDefault("Platform-Event-Type");

    public string? DeliveryId => Headers.GetValueOrDefault("Platform-Delivery-Id");
}
