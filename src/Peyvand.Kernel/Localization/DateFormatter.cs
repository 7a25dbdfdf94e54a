using System.Globalization;

namespace Peyvand.Kernel.Localization;

/// <summary>The calendars a user can choose for display.</summary>
public enum CalendarKind
{
    Jalali,
    Gregorian,
}

/// <summary>
/// Formats dates for display in fa or en, in the Jalali (Solar Hijri) or Gregorian calendar. Month and weekday names
/// are our own tables rather than ICU's, so output is the same on every machine; fa output uses Persian digits.
/// </summary>
public static class DateFormatter
{
    private static readonly PersianCalendar Persian = new();

    private static readonly string[] JalaliMonthsFa =
        ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];

    private static readonly string[] JalaliMonthsEn =
        ["Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"];

    private static readonly string[] GregorianMonthsFa =
        ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"];

    private static readonly string[] GregorianMonthsEn =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    // Indexed by DayOfWeek (Sunday = 0).
    private static readonly string[] WeekdaysFa = ["یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه"];

    private static readonly string[] WeekdaysEn = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary>The user's calendar, or the language's usual one (fa: Jalali, otherwise Gregorian).</summary>
    public static CalendarKind CalendarFor(string language, string? calendar) => CalendarFor(language, calendar, null);

    /// <summary>
    /// The calendar a user reads: their own choice, else their organisation's default, and only when neither is known
    /// the language's usual one. The language never overrides a choice: an English user in a Jalali organisation reads Jalali.
    /// </summary>
    public static CalendarKind CalendarFor(string language, string? userCalendar, string? organisationCalendar) =>
        Parse(userCalendar) ?? Parse(organisationCalendar) ?? (IsPersian(language) ? CalendarKind.Jalali : CalendarKind.Gregorian);

    private static CalendarKind? Parse(string? calendar) => calendar?.ToLowerInvariant() switch
    {
        "jalali" => CalendarKind.Jalali,
        "gregorian" => CalendarKind.Gregorian,
        _ => null,
    };

    /// <summary>The Jalali year, month (1-12) and day of a date.</summary>
    public static (int Year, int Month, int Day) ToJalali(DateOnly date)
    {
        var at = date.ToDateTime(TimeOnly.MinValue);
        return (Persian.GetYear(at), Persian.GetMonth(at), Persian.GetDayOfMonth(at));
    }

    /// <summary>Weekday, day, month name and year: "چهارشنبه ۵ آذر ۱۴۰۵" or "Wednesday, 25 November 2026".</summary>
    public static string LongDate(DateOnly date, string language, CalendarKind calendar)
    {
        var fa = IsPersian(language);
        var (year, month, day) = calendar == CalendarKind.Jalali ? ToJalali(date) : (date.Year, date.Month, date.Day);
        var months = (calendar, fa) switch
        {
            (CalendarKind.Jalali, true) => JalaliMonthsFa,
            (CalendarKind.Jalali, false) => JalaliMonthsEn,
            (_, true) => GregorianMonthsFa,
            _ => GregorianMonthsEn,
        };
        var weekday = (fa ? WeekdaysFa : WeekdaysEn)[(int)date.DayOfWeek];
        var text = fa
            ? $"{weekday} {day} {months[month - 1]} {year}"
            : string.Create(CultureInfo.InvariantCulture, $"{weekday}, {day} {months[month - 1]} {year}");
        return fa ? Digits.ToPersian(text) : text;
    }

    /// <summary>Numeric year/month/day: "۱۴۰۳/۱۲/۳۰" or "2025/03/20".</summary>
    public static string ShortDate(DateOnly date, string language, CalendarKind calendar)
    {
        var (year, month, day) = calendar == CalendarKind.Jalali ? ToJalali(date) : (date.Year, date.Month, date.Day);
        var text = string.Create(CultureInfo.InvariantCulture, $"{year:0000}/{month:00}/{day:00}");
        return IsPersian(language) ? Digits.ToPersian(text) : text;
    }

    /// <summary>A month's name in a calendar: 1 → "فروردین" / "Farvardin" (Jalali) or "ژانویه" / "January".</summary>
    public static string MonthName(int month, string language, CalendarKind calendar) => (calendar, IsPersian(language)) switch
    {
        (CalendarKind.Jalali, true) => JalaliMonthsFa[month - 1],
        (CalendarKind.Jalali, false) => JalaliMonthsEn[month - 1],
        (_, true) => GregorianMonthsFa[month - 1],
        _ => GregorianMonthsEn[month - 1],
    };

    /// <summary>
    /// Reads a typed year/month/day ("۱۴۰۳/۱۲/۳۰", "1403-12-30", "٢٠٢٥.٣.٢٠") in the given calendar. Persian, Arabic-Indic
    /// and ASCII digits are all accepted; a day the calendar does not have (30 Esfand outside a leap year) is refused.
    /// </summary>
    public static bool TryParse(string? text, CalendarKind calendar, out DateOnly date)
    {
        date = default;
        return TryParseParts(text, out var year, out var month, out var day) && TryCreate(year, month, day, calendar, out date);
    }

    /// <summary>
    /// The three numbers of a typed year/month/day, in any of the digit sets, whether or not the calendar has that day
    /// (so a form can say why "1402/12/30" is refused rather than just that it is).
    /// </summary>
    public static bool TryParseParts(string? text, out int year, out int month, out int day)
    {
        (year, month, day) = (0, 0, 0);
        var parts = Digits.ToAscii(text ?? "").Split(['/', '-', '.', ' ', '\u060C'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out month)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out day);
    }

    /// <summary>The date of a year, month and day in a calendar, when the calendar has that day.</summary>
    public static bool TryCreate(int year, int month, int day, CalendarKind calendar, out DateOnly date)
    {
        date = default;
        if (month is < 1 or > 12 || day < 1)
            return false;
        if (calendar == CalendarKind.Jalali)
        {
            if (year is < 1 or > 3000 || day > Persian.GetDaysInMonth(year, month))
                return false;
            date = DateOnly.FromDateTime(Persian.ToDateTime(year, month, day, 0, 0, 0, 0));
            return true;
        }
        if (year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Days in a month of a calendar (Esfand has 30 in a Jalali leap year, 29 otherwise).</summary>
    public static int DaysInMonth(int year, int month, CalendarKind calendar) =>
        calendar == CalendarKind.Jalali ? Persian.GetDaysInMonth(year, month) : DateTime.DaysInMonth(year, month);

    /// <summary>Today's date where the user is, from the injected clock.</summary>
    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);

    private static bool IsPersian(string language) => language.StartsWith("fa", StringComparison.OrdinalIgnoreCase);
}
