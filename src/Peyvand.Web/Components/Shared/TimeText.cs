using System.Globalization;
using Peyvand.Kernel.Localization;

namespace Peyvand.Web.Components.Shared;

/// <summary>Times of day as people type and read them: "۹:۳۰", "09.30", "٩٣٠" or "9" in, "۰۹:۳۰" / "09:30" out.</summary>
public static class TimeText
{
    public static bool TryRead(string? text, out TimeSpan time)
    {
        time = default;
        var ascii = Digits.ToAscii(text ?? "").Trim();
        var parts = ascii.Split([':', '.', '\u066B', '\u061B', ' '], StringSplitOptions.RemoveEmptyEntries);
        int hours, minutes = 0;
        if (parts.Length == 1 && parts[0].Length is 3 or 4 && parts[0].All(char.IsAsciiDigit))
        {
            // "930" and "1430": the last two digits are the minutes.
            hours = int.Parse(parts[0][..^2], CultureInfo.InvariantCulture);
            minutes = int.Parse(parts[0][^2..], CultureInfo.InvariantCulture);
        }
        else if (parts.Length is 1 or 2 && parts.All(p => p.Length is 1 or 2 && p.All(char.IsAsciiDigit)))
        {
            hours = int.Parse(parts[0], CultureInfo.InvariantCulture);
            if (parts.Length == 2)
                minutes = int.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        else
        {
            return false;
        }
        if (hours is < 0 or > 23 || minutes is < 0 or > 59)
            return false;
        time = new TimeSpan(hours, minutes, 0);
        return true;
    }

    public static string Show(TimeSpan time)
    {
        var text = time.ToString("hh\\:mm", CultureInfo.InvariantCulture);
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa" ? Digits.ToPersian(text) : text;
    }
}
