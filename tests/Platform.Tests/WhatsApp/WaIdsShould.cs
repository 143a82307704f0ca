using Platform.WhatsApp;

namespace Platform.Tests.WhatsApp;

public class WaIdsShould
{
    [Theory]
    [InlineData("+49 151 2345-678", "491512345678")]
    [InlineData("+1 (555) 123-4567", "15551234567")]
    [InlineData("+1.555.123.4567", "15551234567")]
    [InlineData("491512345678", "491512345678")]
    [InlineData("1234567", "1234567")]
    [InlineData("123456789012345", "123456789012345")]
    public void Keep_only_the_digits_of_an_international_number(string number, string waId)
    {
        Assert.Equal(waId, WaIds.Normalize(number));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("+49 151 CALL-NOW")]
    [InlineData("49151234567x")]
    [InlineData("123456")]
    [InlineData("+1 234 56")]
    [InlineData("1234567890123456")]
    [InlineData("0151 2345678")]
    [InlineData("+0 151 2345678")]
    [InlineData("+49/151/2345678")]
    public void Refuse_what_cannot_be_an_international_number(string? number)
    {
        Assert.Null(WaIds.Normalize(number));
    }
}
