namespace Platform.Benchmarks;

/// <summary>The tenant a scenario works as: its id (grain keys) and its API key.</summary>
internal sealed record BenchmarkTenant(string Id, string Key);
