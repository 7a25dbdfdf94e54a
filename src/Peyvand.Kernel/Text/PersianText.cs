using System.Globalization;
using System.Text;

namespace Peyvand.Kernel.Text;

/// <summary>
/// Normalises text for search, so the way a name was typed never decides whether it is found: Arabic ي ى ك ة become
/// Persian ی ی ک ه, diacritics (harakat) and tatweel go, ZWNJ and other joiners become spaces, Persian and Arabic
/// digits become ASCII, Latin is lower-cased and accents removed, and runs of spaces collapse to one. Decomposition
/// also drops hamza and madda marks (أ ؤ ئ ۀ آ → ا و ی ه ا), since people type names both ways.
/// The same function runs on stored text and on queries.
/// </summary>
public static class PersianText
{
    public static string NormalizeForSearch(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var mapped = Map(c);
            if (mapped == '\0')
                continue;
            if (mapped == ' ')
            {
                if (!lastWasSpace)
                    builder.Append(' ');
                lastWasSpace = true;
                continue;
            }
            builder.Append(mapped);
            lastWasSpace = false;
        }
        return builder.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }

    private static char Map(char c)
    {
        switch (c)
        {
            case 'ي' or 'ى':
                return 'ی';
            case 'ك':
                return 'ک';
            case 'ة':
                return 'ه';
            case 'ٱ':
                return 'ا';
            case 'ـ': // tatweel
                return '\0';
            case '\u200c' or '\u200d' or '\u200e' or '\u200f' or '\u00a0' or '\t' or '\r' or '\n':
                return ' ';
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category == UnicodeCategory.NonSpacingMark)
            return '\0'; // harakat, and accents of decomposed Latin letters
        if (char.IsWhiteSpace(c))
            return ' ';
        var digit = Localization.Digits.ToAscii(c);
        return digit != c ? digit : char.ToLowerInvariant(c);
    }
}
