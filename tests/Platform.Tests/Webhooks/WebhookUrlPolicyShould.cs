using Platform.Host.Webhooks;

namespace Platform.Tests.Webhooks;

public class WebhookUrlPolicyShould
{
    private const string Required = "The url is required.";
    private const string NotAbsolute = "The url must be an absolute URL of at most 2048 characters.";
    private const string NotHttps = "The url must use https.";
    private const string Credentials = "The url must not carry credentials; verify deliveries with the signature instead.";
    private const string NotPublic = "The url must point at a public internet address.";

    [Theory]
    [InlineData(null, Required)]
    [InlineData("", Required)]
    [InlineData("   ", Required)]
    [InlineData("hook", NotAbsolute)]
    [InlineData("example.com/hook", NotAbsolute)]
    [InlineData("http://example.com/hook", NotHttps)]
    [InlineData("ftp://example.com/hook", NotHttps)]
    [InlineData("https://user:secret@example.com/hook", Credentials)]
    [InlineData("https://token@example.com/hook", Credentials)]
    public void Refuse_a_url_that_is_not_a_plain_https_url(string? url, string reason)
    {
        Assert.Equal(reason, WebhookUrlPolicy.Check(url, allowPrivateNetworks: false));
    }

    [Fact]
    public void Refuse_a_relative_path()
    {
        // On Unix "/hook" parses as an absolute file: URI, so the reason differs by platform; the refusal does not.
        Assert.NotNull(WebhookUrlPolicy.Check("/hook", allowPrivateNetworks: false));
    }

    [Fact]
    public void Refuse_a_url_longer_than_the_limit()
    {
        var url = "https://example.com/" + new string('a', WebhookUrlPolicy.MaxLength);

        Assert.Equal(NotAbsolute, WebhookUrlPolicy.Check(url, allowPrivateNetworks: false));
    }

    [Theory]
    [InlineData("https://localhost/hook")]
    [InlineData("https://LOCALHOST/hook")]
    [InlineData("https://api.localhost/hook")]
    [InlineData("HTTPS://10.0.0.1/hook")]
    [InlineData("https://2130706433/hook")]
    [InlineData("https://0x7f000001/hook")]
    [InlineData("https://127.1/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://127.1.2.3:8443/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://172.16.0.1/hook")]
    [InlineData("https://172.31.255.255/hook")]
    [InlineData("https://192.168.1.1/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://localhost./hook")]
    [InlineData("https://127.0.0.1./hook")]
    [InlineData("https://[64:ff9b::7f00:1]/hook")]
    [InlineData("https://[::]/hook")]
    [InlineData("https://[fc00::1]/hook")]
    [InlineData("https://[fd12:3456::1]/hook")]
    [InlineData("https://[fe80::1]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")]
    [InlineData("https://[::ffff:169.254.169.254]/hook")]
    public void Refuse_a_private_address(string url)
    {
        Assert.Equal(NotPublic, WebhookUrlPolicy.Check(url, allowPrivateNetworks: false));
    }

    [Theory]
    [InlineData("https://example.com/hook")]
    [InlineData("https://93.184.216.34/hook")]
    [InlineData("https://172.32.0.1/hook")]
    [InlineData("https://100.128.0.1/hook")]
    [InlineData("https://[2606:2800:220:1:248:1893:25c8:1946]/hook")]
    public void Accept_a_public_https_url(string url)
    {
        Assert.Null(WebhookUrlPolicy.Check(url, allowPrivateNetworks: false));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9999/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("http://192.168.1.1/hook")]
    public void Accept_a_private_address_when_private_networks_are_allowed(string url)
    {
        Assert.Null(WebhookUrlPolicy.Check(url, allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/hook", NotHttps)]
    [InlineData("http://user:secret@127.0.0.1:9999/hook", Credentials)]
    public void Still_refuse_other_schemes_and_credentials_when_private_networks_are_allowed(string url, string reason)
    {
        Assert.Equal(reason, WebhookUrlPolicy.Check(url, allowPrivateNetworks: true));
    }
}
