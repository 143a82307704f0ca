namespace Platform.Tenancy.Tests;

/// <summary>
/// Takes the fake Graph API down until disposed. Safe because every test of this project shares one xunit collection,
/// whose tests run one at a time.
/// </summary>
public sealed class FakeGraphOutage : IDisposable
{
    private readonly FakeGraphApi _graph;

    public FakeGraphOutage(FakeGraphApi graph)
    {
        _graph = graph;
        _graph.Down = true;
    }

    public void Dispose() => _graph.Down = false;
}
