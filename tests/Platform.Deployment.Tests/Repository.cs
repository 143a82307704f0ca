namespace Platform.Deployment.Tests;

/// <summary>Paths in the checkout the tests run from: the chart, the compose file, the sources.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Chart => Path.Combine(Root, "helm", "platform");

    public static string ChartTemplates => Path.Combine(Chart, "templates");

    public static string ComposeFile => Path.Combine(Root, "deploy", "compose.yaml");

    public static string Source(string project) => Path.Combine(Root, "src", project);

    public static string Read(params string[] parts) => File.ReadAllText(Path.Combine([Root, .. parts]));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }
}
