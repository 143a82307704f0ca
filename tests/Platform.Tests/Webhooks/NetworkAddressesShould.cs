using System.Net;
using Platform.Host.Webhooks;

namespace Platform.Tests.Webhooks;

public class NetworkAddressesShould
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.0")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.127.255.255")]
    [InlineData("198.18.0.1")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fc00::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Treat_private_and_special_addresses_as_not_public(string address)
    {
        Assert.False(NetworkAddresses.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:93.184.216.34")]
    public void Treat_internet_addresses_as_public(string address)
    {
        Assert.True(NetworkAddresses.IsPublic(IPAddress.Parse(address)));
    }
}
