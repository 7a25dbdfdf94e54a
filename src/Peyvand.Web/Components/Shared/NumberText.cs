using System.Globalization;
using Peyvand.Kernel.Localization;

namespace Peyvand.Web.Components.Shared;

/// <summary>Numbers as people type and read them: any of the three digit sets in, the page's digits out.</summary>
public static class NumberText
{
    public static bool TryRead(string? text, out int number) =>
        int.TryParse(Digits.ToAscii(text ?? "").Trim().Replace("٬", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal)
                .Replace("\u2212", "-", StringComparison.Ordinal),
            NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);

    public static string Show(int number)
    {
        var text = number.ToString(CultureInfo.InvariantCulture);
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa" ? Digits.ToPersian(text) : text;
    }
}
