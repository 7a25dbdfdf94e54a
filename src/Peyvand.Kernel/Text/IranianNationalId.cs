using Peyvand.Kernel.Localization;

namespace Peyvand.Kernel.Text;

/// <summary>The Iranian national ID (کد ملی): ten digits whose last is a check digit over the first nine.</summary>
public static class IranianNationalId
{
    /// <summary>The ten ASCII digits, or null when the text is not a valid national ID.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var digits = Digits.ToAscii(text.Trim()).Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length is < 8 or > 10 || !digits.All(char.IsAsciiDigit))
            return null;
        digits = digits.PadLeft(10, '0'); // IDs are sometimes written without their leading zeros
        if (digits.Distinct().Count() == 1)
            return null; // 0000000000, 1111111111 … pass the checksum but are not issued

        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += (digits[i] - '0') * (10 - i);
        var remainder = sum % 11;
        var check = digits[9] - '0';
        var valid = remainder < 2 ? check == remainder : check == 11 - remainder;
        return valid ? digits : null;
    }
}
