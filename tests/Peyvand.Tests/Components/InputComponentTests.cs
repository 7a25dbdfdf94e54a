using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Peyvand.Kernel.Localization;
using Peyvand.Web.Components.Shared;

namespace Peyvand.Tests.Components;

/// <summary>The shared inputs as a person uses them: digits from any keyboard, dates in either calendar and language.</summary>
public sealed class InputComponentTests : IAsyncDisposable
{
    private readonly BunitContext _ctx = new();
    private readonly CultureInfo _savedCulture = CultureInfo.CurrentCulture, _savedUiCulture = CultureInfo.CurrentUICulture;

    public InputComponentTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
        _ctx.AddAuthorization();
        _ctx.Services.AddScoped<UserOperations>();
    }

    private void UseLanguage(string culture) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

    [Theory]
    [InlineData("۱۲", 12)]
    [InlineData("١٢", 12)]
    [InlineData("12", 12)]
    [InlineData(" ۳۱ ", 31)]
    public async Task NumberField_AcceptsPersianArabicAndAsciiDigits(string typed, int expected)
    {
        UseLanguage("fa-IR");
        int? value = null;
        var field = _ctx.Render<NumberField>(p => p.Add(f => f.Value, 1).Add(f => f.ValueChanged, v => value = v).Add(f => f.Max, 31));
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = typed });
        Assert.Equal(expected, value);
        // Shown back in the page's digits.
        Assert.Equal(Digits.ToPersian(expected.ToString(CultureInfo.InvariantCulture)), field.Find("input").GetAttribute("value"));
    }

    [Fact]
    public async Task NumberField_RefusesTextAndOutOfRange_KeepingTheOldValue()
    {
        UseLanguage("en-US");
        int? value = 5;
        var field = _ctx.Render<NumberField>(p => p.Add(f => f.Value, 5).Add(f => f.ValueChanged, v => value = v).Add(f => f.Min, 1).Add(f => f.Max, 31));
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "abc" });
        Assert.Equal(5, value);
        Assert.Contains("Enter a whole number.", field.Markup);
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "۴۰" });
        Assert.Equal(5, value);
        Assert.Contains("Enter a number from 1 to 31.", field.Markup);
    }

    [Theory]
    [InlineData("۱۴۰۳/۱۲/۳۰", 2025, 3, 20)] // Esfand 30 of leap year 1403, Persian digits
    [InlineData("١٤٠٣-١٢-٣٠", 2025, 3, 20)] // the same in Arabic-Indic digits and dashes
    [InlineData("1404/1/1", 2025, 3, 21)] // Nowruz 1404 is the next day
    [InlineData("۱۴۰۴/۰۱/۰۱", 2025, 3, 21)]
    [InlineData("1402/12/29", 2024, 3, 19)] // last day of 1402 (not a leap year)
    public async Task DateField_Jalali_ReadsTypedDatesInAnyDigits(string typed, int year, int month, int day)
    {
        UseLanguage("fa-IR");
        DateTime? value = null;
        var field = RenderDateField("fa", CalendarKind.Jalali, v => value = v);
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = typed });
        Assert.Equal(new DateTime(year, month, day), value);
    }

    [Theory]
    [InlineData("1404/12/30")] // 1404 is not a leap year: Esfand has 29 days
    [InlineData("1403/13/01")]
    [InlineData("not a date")]
    public async Task DateField_Jalali_RefusesDaysTheCalendarLacks(string typed)
    {
        UseLanguage("en-US");
        DateTime? value = null;
        var field = RenderDateField("en", CalendarKind.Jalali, v => value = v);
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = typed });
        Assert.Null(value);
    }

    [Fact]
    public async Task DateField_Gregorian_InPersian_ReadsGregorianDates()
    {
        UseLanguage("fa-IR");
        DateTime? value = null;
        var field = RenderDateField("fa", CalendarKind.Gregorian, v => value = v);
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "۲۰۲۴/۰۲/۲۹" });
        Assert.Equal(new DateTime(2024, 2, 29), value);
    }

    [Fact]
    public void DateField_ShowsTheDateInTheUsersCalendar()
    {
        UseLanguage("fa-IR");
        var field = _ctx.Render<DateField>(p => p.Add(f => f.Calendar, CalendarKind.Jalali).Add(f => f.Language, "fa")
            .Add(f => f.Date, new DateTime(2025, 3, 21)));
        // MudBlazor formats the shown value itself (ASCII digits); typed Persian digits are still read.
        Assert.Equal("1404/01/01", Digits.ToAscii(field.Find("input").GetAttribute("value") ?? ""));
    }

    [Theory]
    [InlineData("fa", CalendarKind.Jalali, "فروردین", "ش")]
    [InlineData("en", CalendarKind.Jalali, "Farvardin", "Sat")]
    [InlineData("fa", CalendarKind.Gregorian, "مارس", "ش")]
    [InlineData("en", CalendarKind.Gregorian, "March", "Sun")]
    public void MudDatePicker_WithOurCulture_ShowsTheCalendarsMonthsAndWeekStart(string language, CalendarKind calendar, string month, string firstDay)
    {
        UseLanguage(language == "fa" ? "fa-IR" : "en-US");
        var culture = DateCultures.For(language, calendar);
        // 21 March 2025 is 1 Farvardin 1404 (Nowruz).
        var picker = _ctx.Render<MudDatePicker>(p => p.Add(d => d.Culture, culture).Add(d => d.PickerVariant, PickerVariant.Static)
            .Add(d => d.Date, new DateTime(2025, 3, 21)).Add(d => d.FirstDayOfWeek, culture.DateTimeFormat.FirstDayOfWeek));
        Assert.Contains(month, picker.Markup);
        var weekdays = picker.FindAll(".mud-picker-calendar-header-day .mud-day-label");
        Assert.NotEmpty(weekdays);
        Assert.Equal(firstDay, weekdays[0].TextContent.Trim());
    }

    private IRenderedComponent<DateField> RenderDateField(string language, CalendarKind calendar, Action<DateTime?> changed) =>
        _ctx.Render<DateField>(p => p.Add(f => f.Calendar, calendar).Add(f => f.Language, language).Add(f => f.DateChanged, changed));

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentCulture = _savedCulture;
        CultureInfo.CurrentUICulture = _savedUiCulture;
        await _ctx.DisposeAsync();
    }
}
