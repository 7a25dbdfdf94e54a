using Peyvand.Kernel.Localization;

namespace Peyvand.Kernel.Text;

/// <summary>
/// The Iranian postal code (کد پستی): ten digits, often written 12345-67890. Iran Post does not issue the digit 2 anywhere
/// or 0 in the first five (the area part); the fifth digit is never 5; and the first four are never one digit repeated
/// (1111…). This is the rule the common validators use (<c>^(?!(\d)\1{3})[13-9]{4}[1346-9][013-9]{5}$</c>).
/// </summary>
public static class IranianPostalCode
{
    /// <summary>The ten ASCII digits, or null when the text is not a valid postal code.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var digits = string.Concat(Digits.ToAscii(text.Trim()).Where(c => c is not ('-' or ' ' or '\u200c')));
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
            return null;
        if (digits.Contains('2', StringComparison.Ordinal) || digits[..5].Contains('0', StringComparison.Ordinal) || digits[4] == '5')
            return null;
        return digits[..4].Distinct().Count() == 1 ? null : digits;
    }
}
