namespace Platform.Grains.Conversations;

/// <summary>The answer given to a request with an <c>Idempotency-Key</c>: HTTP status, content type and body, replayed as they were.</summary>
[GenerateSerializer, Immutable, Alias("Platform.IdempotentResponse")]
public sealed record IdempotentResponse(
    [property: Id(0)] int Status,
    [property: Id(1)] string Body,
    [property: Id(2)] string ContentType);
