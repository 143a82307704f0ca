using System.Net;

namespace Platform.Inbound.Tests;

/// <summary>Meta's GET handshake when the webhook URL is saved in the app dashboard.</summary>
[Collection(InboundPlatformGroup.Name)]
public sealed class Meta_verifies_the_subscription(InboundPlatform platform)
{
    [Fact]
    public async Task Should_answer_the_challenge_as_plain_text_when_the_verify_token_matches()
    {
        var response = await platform.Meta.GetAsync(
            new Uri($"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={InboundPlatform.VerifyToken}&hub.challenge=1158201444", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444")]
    [InlineData("/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token=verify-me-please&hub.challenge=1158201444")]
    [InlineData("/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444")]
    [InlineData("/webhooks/whatsapp")]
    public async Task Should_refuse_with_403_otherwise(string path)
    {
        var response = await platform.Meta.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("webhook_verification_failed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
