using System.Net;

namespace Platform.Api.Tests;

/// <summary>What Kubernetes probes and API clients read without a key.</summary>
[Collection(EmbeddedPlatformGroup.Name)]
public sealed class The_host_reports_its_health(EmbeddedPlatform platform)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Should_answer_healthy_once_the_silo_and_the_bus_run(string path)
    {
        var response = await platform.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_publish_an_openapi_document_naming_every_route()
    {
        var document = await platform.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        foreach (var path in new[] { "/partner/v1/tenants", "/partner/v1/tenants/{id}/api-keys", "/v1/phone-numbers", "/v1/webhook-endpoints", "/v1/sandbox/inbound", "/v1/messages", "/v1/messages/{id}" })
        {
            Assert.Contains($"\"{path}\"", document);
        }
    }
}
