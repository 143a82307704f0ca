using Platform.Grains.Storage;

namespace Platform.Tests.Storage;

public class TableKeysShould
{
    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("a#b", "a%23b")]
    [InlineData("a?b", "a%3Fb")]
    [InlineData("a%b", "a%25b")]
    [InlineData("a\tb", "a%09b")]
    [InlineData("a\u0000b", "a%00b")]
    [InlineData("a\u007Fb", "a%7Fb")]
    [InlineData("a\u009Fb", "a%9Fb")]
    public void Escape_characters_Azure_Tables_forbid(string value, string escaped)
    {
        Assert.Equal(escaped, TableKeys.Escape(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ten_01HZX3K8Q9")]
    [InlineData("wamid.HBgLNDkxNTEyMzQ1Njc4FQIAERgS")]
    [InlineData("Grüße مرحبا 👋 a-b_c.d:e")]
    public void Leave_other_characters_untouched(string value)
    {
        Assert.Equal(value, TableKeys.Escape(value));
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a%b", "a%25b")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("%", "%25")]
    public void Never_map_two_different_values_to_the_same_key(string value, string other)
    {
        Assert.NotEqual(TableKeys.Escape(value), TableKeys.Escape(other));
    }
}
