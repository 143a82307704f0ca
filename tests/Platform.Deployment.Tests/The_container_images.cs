using System.Text.RegularExpressions;

namespace Platform.Deployment.Tests;

public sealed partial class The_container_images
{
    [Theory]
    [InlineData("Platform.Host")]
    [InlineData("Platform.Billing")]
    public void Should_build_with_the_sdk_and_run_as_a_non_root_user_without_secrets(string project)
    {
        var dockerfile = Repository.Read("deploy", $"{project}.Dockerfile");
        var stages = From().Matches(dockerfile).Select(match => match.Groups["image"].Value).ToList();

        Assert.Equal(["${SDK_IMAGE}", "${RUNTIME_IMAGE}"], stages);
        Assert.Contains($"dotnet publish src/{project}/{project}.csproj", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{project}.dll\"]", dockerfile, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^USER \$APP_UID$", dockerfile);
        Assert.DoesNotMatch(SecretSetting(), dockerfile);
    }

    [Fact]
    public void Should_build_the_projects_the_compose_file_and_the_chart_deploy()
    {
        foreach (var project in new[] { "Platform.Host", "Platform.Billing" })
        {
            Assert.True(File.Exists(Path.Combine(Repository.Source(project), $"{project}.csproj")), $"src/{project} is missing");
            Assert.Contains($"dockerfile: deploy/{project}.Dockerfile", File.ReadAllText(Repository.ComposeFile), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"(?m)^FROM\s+(?<image>\S+)")]
    private static partial Regex From();

    [GeneratedRegex(@"(?mi)^(ENV|ARG)\s+.*(Key|Secret|Token|Password|ConnectionStrings)")]
    private static partial Regex SecretSetting();
}
