using System.Text.Json;

namespace Platform.Media.Tests;

/// <summary>Every media route is named and summarised in the OpenAPI document.</summary>
[Collection(MediaPlatformGroup.Name)]
public sealed class Describing_the_media_api(MediaPlatform platform)
{
    [Theory]
    [InlineData("/v1/media", "post")]
    [InlineData("/v1/media/{id}", "get")]
    [InlineData("/v1/media/{id}", "delete")]
    [InlineData("/v1/media/{id}/metadata", "get")]
    [InlineData("/cloud/v{version}/{phoneNumberId}/media", "post")]
    [InlineData("/cloud/v{version}/{mediaId}", "get")]
    [InlineData("/cloud/v{version}/{mediaId}", "delete")]
    public async Task Should_name_and_summarise_the_route(string path, string method)
    {
        var document = JsonDocument.Parse(await platform.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        var paths = document.GetProperty("paths");
        var operation = paths.EnumerateObject().Single(candidate => candidate.Name.TrimEnd('/') == path).Value.GetProperty(method);

        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
    }
}
