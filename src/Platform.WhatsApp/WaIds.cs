using PhoneNumbers;

namespace Platform.WhatsApp;

/// <summary>
/// Customers' WhatsApp ids: the international number in digits, without '+'. Tenants write numbers in many ways
/// ("+49 151 2345-678"); we keep one form so a send finds the window the customer's message opened.
/// </summary>
public static class WaIds
{
    private const int MinDigits = 7;
    private const int MaxDigits = 15;
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>The number as digits, or null when it cannot be an international phone number.</summary>
    public static string? Normalize(string? number)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 32)
        {
            return null;
        }

        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        var onlySeparators = number.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.');
        return onlySeparators && digits.Length is >= MinDigits and <= MaxDigits && digits[0] != '0' ? digits : null;
    }

    /// <summary>
    /// A recipient as Meta takes it: the number parsed by libphonenumber (its country must exist and its length be possible
    /// there) and written in E.164 digits, so the ways people write one number become one form. Null when it
    /// cannot be a phone number. Meta's wa_id forms are kept as they are.
    /// </summary>
    public static string? ToRecipient(string? number)
    {
        if (Normalize(number) is not { } digits)
        {
            return null;
        }

        // Meta's own wa_ids for Mexican mobiles keep the 1 that Mexico's numbering plan dropped, so libphonenumber calls
        // them impossible; a tenant answering a wa_id from a webhook must still reach that customer.
        if (digits.Length == 13 && digits.StartsWith("521", StringComparison.Ordinal))
        {
            return digits;
        }

        try
        {
            var parsed = Numbers.Parse("+" + number!.Trim().TrimStart('+'), null);
            return Numbers.IsPossibleNumber(parsed) ? Numbers.Format(parsed, PhoneNumberFormat.E164)[1..] : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>
    /// The key under which the forms of one person's number meet. Meta's wa_id may differ from the dialled number: Brazilian
    /// mobiles with or without the ninth digit, Mexican mobiles with or without the <c>1</c> after 52. Numbers of other
    /// countries are their own key.
    /// </summary>
    public static string Family(string waId) => waId switch
    {
        // Brazil: 55 + two-digit area code + 9 + eight digits, or the same without the 9.
        { Length: 13 } when waId.StartsWith("55", StringComparison.Ordinal) && waId[4] == '9' => waId[..4] + waId[5..],
        // Mexico: 521 + ten digits (Meta's wa_id) or 52 + ten digits (what people dial since 2019).
        { Length: 13 } when waId.StartsWith("521", StringComparison.Ordinal) => "52" + waId[3..],
        _ => waId,
    };

    /// <summary>Whether the number's country writes one person's number in more than one form (Brazil, Mexico).</summary>
    public static bool HasAliases(string waId) => waId.StartsWith("55", StringComparison.Ordinal) || waId.StartsWith("52", StringComparison.Ordinal);
}
