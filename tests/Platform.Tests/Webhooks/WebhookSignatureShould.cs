using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Platform.Host.Webhooks;

namespace Platform.Tests.Webhooks;

public partial class WebhookSignatureShould
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, 999, TimeSpan.Zero);

    [Fact]
    public void Carry_the_unix_time_and_a_lowercase_hex_mac()
    {
        var signature = WebhookSignature.Create("whsec_test", At, "{}");

        Assert.Matches(Shape(), signature);
        Assert.StartsWith($"t={At.ToUnixTimeSeconds()},", signature, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"message.received\"}")]
    [InlineData("{\"text\":{\"body\":\"مرحبا 👋 Grüße\"}}")]
    [InlineData("")]
    public void Sign_the_timestamp_and_body_with_the_secret(string body)
    {
        const string secret = "whsec_ключ_🔑";

        var signature = WebhookSignature.Create(secret, At, body);

        Assert.Equal($"t={At.ToUnixTimeSeconds()},v1={ExpectedMac(secret, At.ToUnixTimeSeconds(), body)}", signature);
    }

    [Fact]
    public void Differ_for_another_secret()
    {
        Assert.NotEqual(WebhookSignature.Create("one", At, "{}"), WebhookSignature.Create("two", At, "{}"));
    }

    private static string ExpectedMac(string secret, long unixSeconds, string body)
    {
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{unixSeconds}.{body}"));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexStringLower(hmac.ComputeHash(signed));
    }

    [GeneratedRegex("^t=[0-9]+,v1=[0-9a-f]{64}$")]
    private static partial Regex Shape();
}
