namespace Platform.Host.Webhooks;

/// <summary>The test event queued for one endpoint; its attempts show under the endpoint's deliveries.</summary>
public sealed record TestEventResponse(string EventId, string DeliveryId);
