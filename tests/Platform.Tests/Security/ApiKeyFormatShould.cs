using Platform.Host.Security;

namespace Platform.Tests.Security;

public class ApiKeyFormatShould
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Issue_a_key_id_and_a_secret_in_our_formats()
    {
        var (keyId, secret) = ApiKeyFormat.Issue(At);

        Assert.Matches("^key_[0-9A-Z]{26}$", keyId);
        Assert.Matches("^sk_[0-9A-Z]{26}_[0-9a-f]{64}$", secret);
    }

    [Fact]
    public void Find_the_key_id_in_the_secret_it_issued()
    {
        var (keyId, secret) = ApiKeyFormat.Issue(At);

        Assert.Equal(keyId, ApiKeyFormat.KeyIdOf(secret));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sk_")]
    [InlineData("sk_abc_def")]
    [InlineData("op_123")]
    [InlineData("Bearer sk_01JNHQ8Z5W3R4T6Y7U8I9O0P1A_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sk_01JNHQ8Z5W3R4T6Y7U8I9O0P1A_000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sk_01JNHQ8Z5W3R4T6Y7U8I9O0P1A_00000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("pk_01JNHQ8Z5W3R4T6Y7U8I9O0P1A_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sk_01JNHQ8Z5W3R4T6Y7U8I9O0P1A_0000000000000000000000000000000000000000000000000000000000000000_x")]
    public void Find_no_key_id_in_a_malformed_key(string presented)
    {
        Assert.Null(ApiKeyFormat.KeyIdOf(presented));
    }

    [Fact]
    public void Hash_a_key_to_the_same_32_bytes_every_time()
    {
        var (_, secret) = ApiKeyFormat.Issue(At);

        var hash = ApiKeyFormat.Hash(secret);

        Assert.Equal(32, hash.Length);
        Assert.Equal(hash, ApiKeyFormat.Hash(secret));
        Assert.NotEqual(hash, ApiKeyFormat.Hash(secret + "0"));
    }
}
