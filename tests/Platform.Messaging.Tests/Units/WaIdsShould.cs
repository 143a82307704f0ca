using Platform.WhatsApp;

namespace Platform.Messaging.Tests.Units;

public class WaIdsShould
{
    [Theory]
    [InlineData("+49 151 2345-6789", "4915123456789")]
    [InlineData("4915123456789", "4915123456789")]
    [InlineData("+1 (555) 123-4567", "15551234567")]
    [InlineData("+52 55 1234 5678", "525512345678")]
    [InlineData("+52 1 55 1234 5678", "5215512345678")]
    [InlineData("+55 11 98765-4321", "5511987654321")]
    public void Parse_a_recipient_into_e164_digits(string number, string expected)
    {
        Assert.Equal(expected, WaIds.ToRecipient(number));
    }

    [Theory]
    [InlineData("+49 1")]
    [InlineData("+999 123 456 789")]
    [InlineData("call me")]
    [InlineData(null)]
    public void Refuse_what_cannot_be_a_phone_number(string? number)
    {
        Assert.Null(WaIds.ToRecipient(number));
    }

    [Theory]
    [InlineData("5511987654321", "551187654321")]
    [InlineData("551187654321", "551187654321")]
    [InlineData("5215512345678", "525512345678")]
    [InlineData("525512345678", "525512345678")]
    [InlineData("4915123456789", "4915123456789")]
    public void Put_the_forms_of_one_brazilian_or_mexican_number_together(string waId, string family)
    {
        Assert.Equal(family, WaIds.Family(waId));
    }
}
