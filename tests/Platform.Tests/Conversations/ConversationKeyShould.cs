using Platform.Grains.Conversations;

namespace Platform.Tests.Conversations;

public class ConversationKeyShould
{
    [Fact]
    public void Parse_back_what_it_writes()
    {
        var key = new ConversationKey("ten_01", "1234567890", "491512345678");

        var text = key.ToString();

        Assert.Equal("ten_01|1234567890|491512345678", text);
        Assert.Equal(key, ConversationKey.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ten_01")]
    [InlineData("ten_01|1234567890")]
    [InlineData("ten_01|1234567890|491512345678|extra")]
    public void Refuse_to_parse_a_malformed_key(string text)
    {
        Assert.Throws<FormatException>(() => ConversationKey.Parse(text));
    }
}
