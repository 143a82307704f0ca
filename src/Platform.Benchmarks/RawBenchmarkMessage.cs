namespace Platform.Benchmarks;

/// <summary>The raw MassTransit baseline's message: an id and a body about the size of a queued <c>SendWhatsAppMessage</c>.</summary>
public sealed record RawBenchmarkMessage
{
    public required string Id { get; init; }
    public required string To { get; init; }
    public required string Body { get; init; }
}
