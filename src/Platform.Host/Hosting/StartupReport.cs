namespace Platform.Host.Hosting;

/// <summary>Lines the host writes once it listens: which mode each part runs in, where it listens, generated credentials.</summary>
public sealed class StartupReport
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public void Add(string line) => _lines.Add(line);
}
