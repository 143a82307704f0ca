using System.Security.Cryptography;
using Platform.Host.Security;

namespace Platform.Tests.Security;

public class SecretProtectorShould
{
    private const string Secret = "whsec_3f9a-Grüße-🔑";

    private static readonly byte[] K1 = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] K2 = RandomNumberGenerator.GetBytes(32);

    private static readonly SecretProtector OnK1 = new(new Dictionary<string, byte[]> { ["k1"] = K1 }, "k1");

    [Fact]
    public void Give_back_the_secret_it_protected()
    {
        Assert.Equal(Secret, OnK1.Unprotect(OnK1.Protect(Secret)));
    }

    [Fact]
    public void Protect_the_same_secret_differently_each_time()
    {
        Assert.NotEqual(OnK1.Protect(Secret), OnK1.Protect(Secret));
    }

    [Fact]
    public void Never_show_the_secret_in_what_it_stores()
    {
        var stored = OnK1.Protect(Secret);

        Assert.DoesNotContain(Secret, stored, StringComparison.Ordinal);
        Assert.StartsWith("v1.k1.", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_a_value_protected_with_an_older_key_after_rotation()
    {
        var stored = OnK1.Protect(Secret);
        var rotated = new SecretProtector(new Dictionary<string, byte[]> { ["k1"] = K1, ["k2"] = K2 }, "k2");

        Assert.Equal(Secret, rotated.Unprotect(stored));
        Assert.StartsWith("v1.k2.", rotated.Protect(Secret), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuse_a_tampered_ciphertext()
    {
        var parts = OnK1.Protect(Secret).Split('.');
        var sealedBytes = Convert.FromBase64String(parts[2]);
        sealedBytes[14] ^= 0x01;
        var tampered = $"{parts[0]}.{parts[1]}.{Convert.ToBase64String(sealedBytes)}";

        Assert.ThrowsAny<CryptographicException>(() => OnK1.Unprotect(tampered));
    }

    [Fact]
    public void Refuse_a_value_relabelled_to_another_key()
    {
        var both = new SecretProtector(new Dictionary<string, byte[]> { ["k1"] = K1, ["k2"] = K2 }, "k1");
        var relabelled = both.Protect(Secret).Replace("v1.k1.", "v1.k2.", StringComparison.Ordinal);

        Assert.ThrowsAny<CryptographicException>(() => both.Unprotect(relabelled));
    }

    [Theory]
    [InlineData("v1.k1.")]
    [InlineData("v1.k1.AAAA")]
    [InlineData("v1.k1.!!!")]
    public void Refuse_a_corrupt_stored_value_as_a_cryptographic_error(string stored) =>
        Assert.Throws<CryptographicException>(() => OnK1.Unprotect(stored));

    [Fact]
    public void Refuse_a_value_naming_a_key_it_does_not_have()
    {
        var onK2 = new SecretProtector(new Dictionary<string, byte[]> { ["k2"] = K2 }, "k2");

        Assert.Throws<CryptographicException>(() => onK2.Unprotect(OnK1.Protect(Secret)));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void Refuse_a_key_that_is_not_32_bytes(int length)
    {
        var keys = new Dictionary<string, byte[]> { ["k1"] = new byte[length] };

        Assert.Throws<ArgumentException>(() => new SecretProtector(keys, "k1"));
    }

    [Fact]
    public void Refuse_an_active_key_that_is_not_among_the_keys()
    {
        Assert.Throws<ArgumentException>(() => new SecretProtector(new Dictionary<string, byte[]> { ["k1"] = K1 }, "k2"));
    }
}
