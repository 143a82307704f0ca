using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>
/// X-Hub-Signature-256 is checked on every POST. Meta documents signing an escaped-unicode form of the payload, while the
/// body may arrive as raw UTF-8 or already escaped: every combination must verify, and nothing else may.
/// </summary>
[Collection(InboundPlatformGroup.Name)]
public sealed class Meta_signs_every_webhook(InboundPlatform platform)
{
    private const string Text = "Olá, señor Müller! مرحبا 👋🏽 https://example.com/a/b";

    [Fact]
    public async Task Should_refuse_a_missing_signature_with_401()
    {
        var body = Encoding.UTF8.GetBytes(MetaWebhook.Messages(MetaWebhook.NewPhoneNumberId(), [MetaWebhook.Text(MetaWebhook.NewWamid(), "hi")]));

        var response = await MetaWebhook.PostBytesAsync(platform.Meta, body, signature: null);

        var problem = await PlatformClient.ExpectAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("unauthorized", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha256=not-hex")]
    [InlineData("sha1=abc")]
    [InlineData("")]
    public async Task Should_refuse_a_wrong_signature_with_401(string signature)
    {
        var response = await MetaWebhook.PostAsync(platform.Meta, MetaWebhook.Messages(MetaWebhook.NewPhoneNumberId(), [MetaWebhook.Text(MetaWebhook.NewWamid(), "hi")]), signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_body_signed_with_another_secret()
    {
        var body = Encoding.UTF8.GetBytes(MetaWebhook.Messages(MetaWebhook.NewPhoneNumberId(), [MetaWebhook.Text(MetaWebhook.NewWamid(), Text)]));

        var response = await MetaWebhook.PostBytesAsync(platform.Meta, body, MetaWebhook.Sign(body, "another app's secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_accept_raw_utf8_signed_as_sent()
    {
        var (tenant, number, url) = await SetUpAsync();
        var wamid = MetaWebhook.NewWamid();
        var body = Encoding.UTF8.GetBytes(MetaWebhook.Messages(number, [MetaWebhook.Text(wamid, Text)]));

        var response = await MetaWebhook.PostBytesAsync(platform.Meta, body, MetaWebhook.Sign(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await ExpectTextAsync(url, wamid);
        _ = tenant;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_accept_raw_utf8_signed_in_its_escaped_unicode_form(bool escapeSlashes)
    {
        var (_, number, url) = await SetUpAsync();
        var wamid = MetaWebhook.NewWamid();
        var json = MetaWebhook.Messages(number, [MetaWebhook.Text(wamid, Text)]);
        var escaped = Escape(json, escapeSlashes);
        Assert.Contains("\\ud83d\\udc4b", escaped, StringComparison.Ordinal);

        var response = await MetaWebhook.PostBytesAsync(platform.Meta, Encoding.UTF8.GetBytes(json), MetaWebhook.Sign(Encoding.ASCII.GetBytes(escaped)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await ExpectTextAsync(url, wamid);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_accept_a_body_that_arrives_escaped(bool escapeSlashes)
    {
        var (_, number, url) = await SetUpAsync();
        var wamid = MetaWebhook.NewWamid();
        var escaped = Encoding.ASCII.GetBytes(Escape(MetaWebhook.Messages(number, [MetaWebhook.Text(wamid, Text)]), escapeSlashes));

        var response = await MetaWebhook.PostBytesAsync(platform.Meta, escaped, MetaWebhook.Sign(escaped));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await ExpectTextAsync(url, wamid);
    }

    [Fact]
    public async Task Should_answer_400_to_a_signed_body_that_is_not_json()
    {
        var body = Encoding.UTF8.GetBytes("{\"object\": ");

        var response = await MetaWebhook.PostBytesAsync(platform.Meta, body, MetaWebhook.Sign(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<(Tenant Tenant, string Number, string Url)> SetUpAsync()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var url = platform.Receiver.Endpoint();
        await tenant.AddWebhookAsync(url);
        return (tenant, number, url);
    }

    private async Task ExpectTextAsync(string url, string wamid)
    {
        var received = await platform.Receiver.WaitForAsync(url, requests => requests.Any(request => request.Body.Contains(wamid, StringComparison.Ordinal)));
        var message = received.First(request => request.Body.Contains(wamid, StringComparison.Ordinal)).Json.GetProperty("data").GetProperty("message");
        Assert.Equal(Text, message.GetProperty("text").GetProperty("body").GetString());
    }

    // Written independently of the platform's code, from Meta's description: non-ASCII UTF-16 units as \uxxxx, lowercase.
    private static string Escape(string json, bool escapeSlashes)
    {
        var builder = new StringBuilder();
        foreach (var c in json)
        {
            builder.Append(c switch
            {
                > '\x7f' => $"\\u{(int)c:x4}",
                '/' when escapeSlashes => "\\/",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
