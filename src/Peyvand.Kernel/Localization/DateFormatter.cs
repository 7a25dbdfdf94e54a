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
    public static CalendarKind CalendarFor(string language, string? calendar) => calendar?.ToLowerInvariant() switch
    {
        "jalali" => CalendarKind.Jalali,
        "gregorian" => CalendarKind.Gregorian,
        _ => IsPersian(language) ? CalendarKind.Jalali : CalendarKind.Gregorian,
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

    /// <summary>Today's date where the user is, from the injected clock.</summary>
    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);

    private static bool IsPersian(string language) => language.StartsWith("fa", StringComparison.OrdinalIgnoreCase);
}
