using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Platform.Testing;

namespace Platform.Inbound.Tests;

/// <summary>The verification helper of docs/webhooks.md, step by step, against a real delivery.</summary>
[Collection(InboundPlatformGroup.Name)]
public sealed class Verifying_our_signature(InboundPlatform platform)
{
    [Fact]
    public async Task Should_accept_a_real_delivery_and_refuse_a_tampered_or_old_one()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var url = platform.Receiver.Endpoint();
        var created = await tenant.Client.PostAsync("/v1/webhook-endpoints", new { url }, HttpStatusCode.Created);
        var secret = created.GetProperty("secret").GetString()!;
        await tenant.Client.PostAsync($"/v1/webhook-endpoints/{created.GetProperty("id").GetString()}/test", new { }, HttpStatusCode.Accepted);
        var delivery = (await platform.Receiver.WaitForAsync(url, requests => requests.Count >= 1))[0];
        var header = delivery.Headers["Platform-Signature"];

        Assert.True(Verify(delivery.BodyBytes, header, secret, DateTimeOffset.UtcNow));
        Assert.False(Verify([.. delivery.BodyBytes, (byte)' '], header, secret, DateTimeOffset.UtcNow));
        Assert.False(Verify(delivery.BodyBytes, header, "whsec_wrong", DateTimeOffset.UtcNow));
        Assert.False(Verify(delivery.BodyBytes, header, secret, DateTimeOffset.UtcNow.AddMinutes(10)));
    }

    // The same steps as the Python helper in docs/webhooks.md.
    private static bool Verify(byte[] body, string header, string secret, DateTimeOffset now, int toleranceSeconds = 300)
    {
        var parts = header.Split(',').Select(part => part.Split('=', 2)).ToList();
        var timestamp = parts.First(part => part[0] == "t")[1];
        if (Math.Abs(now.ToUnixTimeSeconds() - long.Parse(timestamp, CultureInfo.InvariantCulture)) > toleranceSeconds)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray());
        return parts.Where(part => part[0] == "v1").Any(part => CryptographicOperations.FixedTimeEquals(Convert.FromHexString(part[1]), expected));
    }
}
