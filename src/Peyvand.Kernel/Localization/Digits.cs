namespace Peyvand.Kernel.Localization;

/// <summary>Converts between ASCII digits and the Persian (and Arabic-Indic) digits people type and read in fa.</summary>
public static class Digits
{
    private const char PersianZero = '\u06F0';
    private const char ArabicZero = '\u0660';

    /// <summary>ASCII digits 0-9 become Persian digits ۰-۹; everything else is kept.</summary>
    public static string ToPersian(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] is >= '0' and <= '9' ? (char)(PersianZero + (source[i] - '0')) : source[i];
        });

    /// <summary>Persian and Arabic-Indic digits become ASCII 0-9; everything else is kept.</summary>
    public static string ToAscii(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = ToAscii(source[i]);
        });

    /// <summary>
    /// Reads a number as people type it in fa or en: Persian, Arabic-Indic or ASCII digits, thousands separators
    /// (<c>,</c> and the Arabic <c>٬</c>), the Arabic decimal mark <c>٫</c> or <c>.</c>, and a leading sign. The one
    /// reader behind every number input (the UI's <c>NumberField</c>) and every number sent as text (custom fields).
    /// </summary>
    public static bool TryParseNumber(string? text, out decimal number)
    {
        var ascii = ToAscii((text ?? "").Trim())
            .Replace("\u066B", ".", StringComparison.Ordinal) // Arabic decimal separator
            .Replace("\u066C", "", StringComparison.Ordinal) // Arabic thousands separator
            .Replace(",", "", StringComparison.Ordinal)
            .Replace("\u2212", "-", StringComparison.Ordinal); // minus sign
        return decimal.TryParse(ascii, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out number);
    }

    public static char ToAscii(char c) => c switch
    {
        >= PersianZero and <= (char)(PersianZero + 9) => (char)('0' + (c - PersianZero)),
        >= ArabicZero and <= (char)(ArabicZero + 9) => (char)('0' + (c - ArabicZero)),
        _ => c,
    };
}
