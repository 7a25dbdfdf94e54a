using System.Globalization;
using Peyvand.Kernel.Localization;

namespace Peyvand.Web.Components.Shared;

/// <summary>
/// Cultures for MudBlazor's date picker that pair the user's language with the user's calendar, whichever the two are:
/// Persian + Jalali, English + Jalali (English month names, Persian calendar), Persian + Gregorian, English + Gregorian.
/// Jalali weeks start on Saturday, as in Iran.
/// </summary>
public static class DateCultures
{
    private static readonly string[] WeekdaysFa = ["یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه"];
    private static readonly string[] ShortWeekdaysFa = ["ی", "د", "س", "چ", "پ", "ج", "ش"];

    public static CultureInfo For(string language, CalendarKind calendar)
    {
        var fa = language.StartsWith("fa", StringComparison.OrdinalIgnoreCase);
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(fa || calendar == CalendarKind.Jalali ? "fa-IR" : "en-US").Clone();
        var format = culture.DateTimeFormat;
        var calendarSystem = calendar == CalendarKind.Jalali ? (Calendar)new PersianCalendar() : new GregorianCalendar();
        if (format.Calendar.GetType() != calendarSystem.GetType())
            format.Calendar = calendarSystem;

        // 13 entries: .NET's month tables leave room for a 13th month.
        string[] months = [.. Enumerable.Range(1, 12).Select(m => DateFormatter.MonthName(m, language, calendar)), ""];
        format.MonthNames = months;
        format.MonthGenitiveNames = months;
        format.AbbreviatedMonthNames = months;
        format.AbbreviatedMonthGenitiveNames = months;
        if (fa)
        {
            format.DayNames = WeekdaysFa;
            format.AbbreviatedDayNames = ShortWeekdaysFa;
            format.ShortestDayNames = ShortWeekdaysFa;
        }
        else
        {
            var english = CultureInfo.InvariantCulture.DateTimeFormat;
            format.DayNames = english.DayNames;
            format.AbbreviatedDayNames = english.AbbreviatedDayNames;
            format.ShortestDayNames = english.ShortestDayNames;
            format.AMDesignator = english.AMDesignator;
            format.PMDesignator = english.PMDesignator;
        }
        format.FirstDayOfWeek = calendar == CalendarKind.Jalali || fa ? DayOfWeek.Saturday : DayOfWeek.Sunday;
        format.ShortDatePattern = "yyyy/MM/dd";
        return culture;
    }
}
