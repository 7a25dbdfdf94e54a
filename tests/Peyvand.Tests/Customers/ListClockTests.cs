using Peyvand.Customers.Features;
using Peyvand.Kernel.Localization;

namespace Peyvand.Tests.Customers;

/// <summary>Birthday windows and local days as a list's caller reads them (their calendar and time zone).</summary>
public sealed class ListClockTests
{
    private static readonly TimeZoneInfo Tehran = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");

    private static ListClock At(string utc, CalendarKind calendar, TimeZoneInfo? zone = null) =>
        new(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), zone ?? Tehran, calendar);

    private static (DateOnly, DateOnly) Days(string from, string to) => (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void This_month_for_a_Jalali_user_is_the_Jalali_month_across_two_Gregorian_months()
    {
        // 5 Azar 1405: Azar runs from 22 November to 21 December.
        var clock = At("2026-11-26T08:00:00Z", CalendarKind.Jalali);
        Assert.Equal(Days("2026-11-22", "2026-12-21"), clock.BirthdayWindow("thisMonth"));
        Assert.Equal(Days("2026-12-22", "2027-01-20"), clock.BirthdayWindow("nextMonth"));
    }

    [Fact]
    public void Esfand_has_thirty_days_in_a_leap_year_and_twenty_nine_otherwise()
    {
        // 1403 is a leap year: Esfand 1403 ends the day before Nowruz 1404 (21 March 2025).
        Assert.Equal(Days("2025-02-19", "2025-03-20"), At("2025-03-10T08:00:00Z", CalendarKind.Jalali).BirthdayWindow("thisMonth"));
        Assert.Equal(Days("2026-02-20", "2026-03-20"), At("2026-03-01T08:00:00Z", CalendarKind.Jalali).BirthdayWindow("thisMonth"));
        // Next month from Esfand is Farvardin of the next year.
        Assert.Equal(Days("2025-03-21", "2025-04-20"), At("2025-03-10T08:00:00Z", CalendarKind.Jalali).BirthdayWindow("nextMonth"));
    }

    [Fact]
    public void Next_seven_days_wrap_past_the_year_end()
    {
        Assert.Equal(Days("2026-12-28", "2027-01-03"), At("2026-12-28T08:00:00Z", CalendarKind.Gregorian).BirthdayWindow("next7"));
        Assert.Equal(Days("2026-12-28", "2027-01-03"), At("2026-12-28T08:00:00Z", CalendarKind.Jalali).BirthdayWindow("next7"));
    }

    [Fact]
    public void A_Gregorian_user_gets_Gregorian_months_and_next_month_crosses_the_year()
    {
        var clock = At("2026-11-26T08:00:00Z", CalendarKind.Gregorian);
        Assert.Equal(Days("2026-11-01", "2026-11-30"), clock.BirthdayWindow("thisMonth"));
        Assert.Equal(Days("2027-01-01", "2027-01-31"), At("2026-12-15T08:00:00Z", CalendarKind.Gregorian).BirthdayWindow("nextMonth"));
        Assert.Null(clock.BirthdayWindow("someday"));
    }

    [Fact]
    public void Today_and_a_days_start_are_the_callers_zone()
    {
        // 21:00 UTC on 30 November is already 1 December in Tehran.
        var clock = At("2026-11-30T21:00:00Z", CalendarKind.Gregorian);
        Assert.Equal(new DateOnly(2026, 12, 1), clock.Today);
        Assert.Equal(Days("2026-12-01", "2026-12-31"), clock.BirthdayWindow("thisMonth"));
        Assert.Equal(new DateTime(2026, 3, 20, 20, 30, 0, DateTimeKind.Utc), clock.StartOfDayUtc(new DateOnly(2026, 3, 21)));
        Assert.Equal(new DateOnly(2026, 11, 30), At("2026-11-30T21:00:00Z", CalendarKind.Gregorian, TimeZoneInfo.Utc).Today);
    }
}
