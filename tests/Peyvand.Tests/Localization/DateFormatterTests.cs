using Microsoft.Extensions.Time.Testing;
using Peyvand.Kernel.Localization;

namespace Peyvand.Tests.Localization;

public sealed class DateFormatterTests
{
    [Theory]
    [InlineData(2025, 3, 20, 1403, 12, 30)] // Esfand 30 exists only in a leap year; 1403 is one
    [InlineData(2025, 3, 21, 1404, 1, 1)] // Nowruz after a leap year
    [InlineData(2024, 3, 19, 1402, 12, 29)] // last day of 1402, a common year
    [InlineData(2024, 3, 20, 1403, 1, 1)] // Nowruz 1403
    [InlineData(2026, 3, 20, 1404, 12, 29)] // 1404 is common: Esfand has 29 days
    [InlineData(2026, 3, 21, 1405, 1, 1)]
    [InlineData(2026, 11, 25, 1405, 9, 4)]
    public void ToJalali_MatchesTheSolarHijriCalendar(int y, int m, int d, int jy, int jm, int jd) =>
        Assert.Equal((jy, jm, jd), DateFormatter.ToJalali(new DateOnly(y, m, d)));

    [Fact]
    public void LongDate_InPersian_IsJalaliWithPersianDigits() =>
        Assert.Equal("پنجشنبه ۳۰ اسفند ۱۴۰۳", DateFormatter.LongDate(new DateOnly(2025, 3, 20), "fa", CalendarKind.Jalali));

    [Fact]
    public void LongDate_OnNowruz_StartsFarvardin() =>
        Assert.Equal("جمعه ۱ فروردین ۱۴۰۴", DateFormatter.LongDate(new DateOnly(2025, 3, 21), "fa", CalendarKind.Jalali));

    [Fact]
    public void LongDate_InEnglish_IsGregorianWithAsciiDigits() =>
        Assert.Equal("Thursday, 20 March 2025", DateFormatter.LongDate(new DateOnly(2025, 3, 20), "en", CalendarKind.Gregorian));

    [Fact]
    public void LongDate_CalendarAndLanguageAreIndependent()
    {
        Assert.Equal("Thursday, 30 Esfand 1403", DateFormatter.LongDate(new DateOnly(2025, 3, 20), "en", CalendarKind.Jalali));
        Assert.Equal("پنجشنبه ۲۰ مارس ۲۰۲۵", DateFormatter.LongDate(new DateOnly(2025, 3, 20), "fa", CalendarKind.Gregorian));
    }

    [Fact]
    public void ShortDate_PadsAndLocalisesDigits()
    {
        Assert.Equal("۱۴۰۳/۱۲/۳۰", DateFormatter.ShortDate(new DateOnly(2025, 3, 20), "fa", CalendarKind.Jalali));
        Assert.Equal("2025/03/20", DateFormatter.ShortDate(new DateOnly(2025, 3, 20), "en", CalendarKind.Gregorian));
    }

    [Theory]
    [InlineData("fa", null, CalendarKind.Jalali)]
    [InlineData("en", null, CalendarKind.Gregorian)]
    [InlineData("fa", "gregorian", CalendarKind.Gregorian)]
    [InlineData("en", "jalali", CalendarKind.Jalali)]
    public void CalendarFor_PrefersTheUsersChoice_ThenTheLanguage(string language, string? calendar, CalendarKind expected) =>
        Assert.Equal(expected, DateFormatter.CalendarFor(language, calendar));

    [Theory]
    [InlineData("fa", null, "gregorian", CalendarKind.Gregorian)]
    [InlineData("en", null, "jalali", CalendarKind.Jalali)]
    [InlineData("en", "gregorian", "jalali", CalendarKind.Gregorian)]
    [InlineData("fa", "", "gregorian", CalendarKind.Gregorian)]
    [InlineData("fa", null, null, CalendarKind.Jalali)]
    public void CalendarFor_PrefersTheUsersChoice_ThenTheOrganisations_NotTheLanguage(
        string language, string? user, string? organisation, CalendarKind expected) =>
        Assert.Equal(expected, DateFormatter.CalendarFor(language, user, organisation));

    [Fact]
    public void Today_IsTheDateInTheUsersTimeZone()
    {
        // 21:00 UTC on Esfand 30 is already 00:30 on Nowruz in Tehran (UTC+3:30).
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 20, 21, 0, 0, TimeSpan.Zero));
        var tehran = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");
        Assert.Equal(new DateOnly(2025, 3, 21), DateFormatter.Today(clock, tehran));
        Assert.Equal(new DateOnly(2025, 3, 20), DateFormatter.Today(clock, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Digits_RoundTripBetweenPersianArabicAndAscii()
    {
        Assert.Equal("کد ۱۲۳۴۵۶", Digits.ToPersian("کد 123456"));
        Assert.Equal("123456", Digits.ToAscii("۱۲۳٤٥٦"));
    }
}
