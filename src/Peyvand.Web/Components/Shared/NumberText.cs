using System.Globalization;
using System.Numerics;
using Peyvand.Kernel.Localization;

namespace Peyvand.Web.Components.Shared;

/// <summary>Numbers as people type and read them: any of the three digit sets in (<see cref="Digits.TryParseNumber"/>), the page's digits out.</summary>
public static class NumberText
{
    public static bool TryRead(string? text, out int number) => TryRead<int>(text, out number, out _);

    /// <summary>
    /// Reads <paramref name="text"/> as a <typeparamref name="TNumber"/>. <paramref name="fits"/> is false for a number that
    /// the type cannot hold (a fraction for a whole number, or too large); the method then returns false too.
    /// </summary>
    public static bool TryRead<TNumber>(string? text, out TNumber number, out bool fits) where TNumber : struct, INumber<TNumber>
    {
        number = default;
        fits = true;
        if (!Digits.TryParseNumber(text, out var read))
            return false;
        try
        {
            number = TNumber.CreateChecked(read);
        }
        catch (OverflowException)
        {
            fits = false;
            return false;
        }
        fits = decimal.CreateChecked(number) == read;
        return fits;
    }

    public static string Show(int number) => Show<int>(number);

    /// <summary>The number in the page's digits, without group separators (the text stays editable); "۱۲٫۵" in fa.</summary>
    public static string Show<TNumber>(TNumber number) where TNumber : struct, INumber<TNumber>
    {
        var text = number.ToString(null, CultureInfo.InvariantCulture);
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa"
            ? Digits.ToPersian(text).Replace('.', '\u066B')
            : text;
    }
}
