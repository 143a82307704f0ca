namespace Platform.WhatsApp;

/// <summary>
/// Customers' WhatsApp ids: the international number in digits, without '+'. Tenants write numbers in many ways
/// ("+49 151 2345-678"); we keep one form so a send finds the window the customer's message opened.
/// </summary>
public static class WaIds
{
    private const int MinDigits = 7;
    private const int MaxDigits = 15;

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
}
