using System.Net;

namespace Platform.Telemetry.Tests;

[Collection(TracedPlatformGroup.Name)]
public sealed class The_metrics_endpoint(TracedPlatform platform)
{
    [Fact]
    public async Task Should_serve_the_platform_and_library_metrics_to_prometheus_when_switched_on()
    {
        using var client = platform.CreateClient();
        await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("platform_billing_usage_unpushed", body, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", body, StringComparison.Ordinal);
    }
}
