using Platform.Grains.Conversations;

namespace Platform.Messaging.Tests.Units;

public class KeywordsShould
{
    [Theory]
    [InlineData("STOP", "stop")]
    [InlineData("  stop. ", "stop")]
    [InlineData("Arrêt !", "stop")]
    [InlineData("désabonner", "stop")]
    [InlineData("Start", "start")]
    [InlineData("DÉMARRER", "start")]
    [InlineData("stop sending me offers", null)]
    [InlineData("", null)]
    [InlineData("?!", null)]
    public void Match_the_whole_message_ignoring_case_accents_and_punctuation(string text, string? expected)
    {
        Assert.Equal(expected, Keywords.Match(text, MessagingSettings.Default));
    }

    [Fact]
    public void Use_the_tenants_own_words()
    {
        var settings = MessagingSettings.Default with { StopKeywords = ["Schluss"], StartKeywords = ["Weiter"] };

        Assert.Equal("stop", Keywords.Match("SCHLUSS", settings));
        Assert.Null(Keywords.Match("STOP", settings));
        Assert.Equal("start", Keywords.Match("weiter", settings));
    }
}
