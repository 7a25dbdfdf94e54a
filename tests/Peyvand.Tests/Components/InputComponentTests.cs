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
        var field = _ctx.Render<NumberField<int>>(p => p.Add(f => f.Value, 1).Add(f => f.ValueChanged, v => value = v).Add(f => f.Max, 31));
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
        var field = _ctx.Render<NumberField<int>>(p => p.Add(f => f.Value, 5).Add(f => f.ValueChanged, v => value = v).Add(f => f.Min, 1).Add(f => f.Max, 31));
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "abc" });
        Assert.Equal(5, value);
        Assert.Contains("Enter a whole number.", field.Markup);
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "۴۰" });
        Assert.Equal(5, value);
        Assert.Contains("Enter a number from 1 to 31.", field.Markup);
    }

    [Theory]
    [InlineData("۱۲٫۵", "12.5")] // Persian digits, Arabic decimal mark
    [InlineData("١٬٢٣٤٫٧٥", "1234.75")] // Arabic-Indic digits, Arabic thousands separator
    [InlineData("1,500,000", "1500000")]
    [InlineData("−۳", "-3")] // a minus sign, not a hyphen
    public async Task DecimalNumberField_ReadsAnyDigitsAndSeparators(string typed, string expected)
    {
        UseLanguage("fa-IR");
        decimal? value = null;
        var field = _ctx.Render<NumberField<decimal>>(p => p.Add(f => f.ValueChanged, v => value = v));
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = typed });
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
        Assert.Equal(Digits.ToPersian(expected).Replace('.', '٫'), field.Find("input").GetAttribute("value"));
    }

    [Fact]
    public async Task WholeNumberField_RefusesAFraction_AndANumberTooLarge()
    {
        UseLanguage("en-US");
        var changes = 0;
        var field = _ctx.Render<NumberField<int>>(p => p.Add(f => f.Value, 3).Add(f => f.ValueChanged, _ => changes++));
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "۲٫۵" });
        Assert.Contains("Enter a whole number.", field.Markup);
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "99999999999" });
        Assert.Contains("Enter a whole number.", field.Markup);
        Assert.Equal(0, changes);
    }

    [Fact]
    public async Task Form_WithARefusedDateTimeOrNumber_IsNotAccepted_UntilTheEntryIsCorrected()
    {
        UseLanguage("en-US");
        var form = _ctx.Render<MudForm>(p => p.Add(f => f.ChildContent, builder =>
        {
            builder.OpenComponent<DateField>(0);
            builder.AddComponentParameter(1, nameof(DateField.Calendar), CalendarKind.Jalali);
            builder.AddComponentParameter(2, nameof(DateField.Language), "en");
            builder.AddComponentParameter(3, nameof(DateField.Date), (DateTime?)new DateTime(2025, 1, 1));
            builder.CloseComponent();
            builder.OpenComponent<TimeField>(4);
            builder.CloseComponent();
            builder.OpenComponent<NumberField<int>>(5);
            builder.CloseComponent();
        }));
        var inputs = form.FindAll("input");
        Assert.True(await form.InvokeAsync(() => form.Instance.AcceptsAsync()));

        foreach (var (index, refused, good) in new[] { (0, "1402/12/30", "1402/12/29"), (1, "24:30", "23:30"), (2, "12a", "12") })
        {
            await form.FindAll("input")[index].ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = refused });
            Assert.False(await form.InvokeAsync(() => form.Instance.AcceptsAsync()), $"'{refused}' let the form save");
            Assert.NotEmpty(form.FindAll(".mud-input-error"));
            await form.FindAll("input")[index].ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = good });
            Assert.True(await form.InvokeAsync(() => form.Instance.AcceptsAsync()), $"'{good}' was still refused");
        }
        Assert.Equal(3, inputs.Count);
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
    [InlineData("1404/12/30", "Esfand 1404 has only 29 days.")] // 1404 is not a leap year
    [InlineData("1403/13/01", "There is no month 13: a year has 12 months.")]
    [InlineData("not a date", "Enter a date as year/month/day, e.g. 1403/12/30.")]
    public async Task DateField_Jalali_RefusesDaysTheCalendarLacks_SayingWhyUnderTheField(string typed, string message)
    {
        UseLanguage("en-US");
        DateTime? value = null;
        var field = RenderDateField("en", CalendarKind.Jalali, v => value = v);
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = typed });
        Assert.Null(value);
        Assert.Equal(message, field.Find(".mud-input-helper-text.mud-input-error").TextContent.Trim());
    }

    [Theory]
    [InlineData("fa", CalendarKind.Jalali, "1403/12/31", "اسفند ۱۴۰۳ فقط ۳۰ روز دارد.")] // even a leap Esfand has 30
    [InlineData("fa", CalendarKind.Jalali, "۱۴۰۲/۱۲/۳۰", "اسفند ۱۴۰۲ فقط ۲۹ روز دارد.")] // 1402 is not a leap year
    [InlineData("en", CalendarKind.Jalali, "١٤٠٢/١٢/٣٠", "Esfand 1402 has only 29 days.")]
    [InlineData("en", CalendarKind.Gregorian, "2025-02-30", "February 2025 has only 28 days.")]
    [InlineData("fa", CalendarKind.Gregorian, "۲۰۲۵/۰۲/۳۰", "فوریه ۲۰۲۵ فقط ۲۸ روز دارد.")]
    public async Task DateField_ImpossibleDate_ShowsAnInlineErrorInTheUsersLanguage_AndKeepsTheOldValue(
        string language, CalendarKind calendar, string typed, string message)
    {
        UseLanguage(language == "fa" ? "fa-IR" : "en-US");
        var changes = 0;
        var old = new DateTime(2025, 1, 1);
        var field = _ctx.Render<DateField>(p => p.Add(f => f.Calendar, calendar).Add(f => f.Language, language)
            .Add(f => f.Date, old).Add(f => f.DateChanged, _ => changes++));
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = typed });

        Assert.Equal(0, changes);
        Assert.Equal(message, field.Find(".mud-input-helper-text.mud-input-error").TextContent.Trim());
        Assert.Equal("true", field.Find("input").GetAttribute("aria-invalid"));
        // The typed text stays for correcting; a good date clears the message.
        Assert.Equal(typed, field.Find("input").GetAttribute("value"));
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "2025/02/28" });
        Assert.Empty(field.FindAll(".mud-input-error"));
        Assert.Equal(1, changes);
    }

    [Fact]
    public async Task DateField_OutsideMinAndMax_IsRefusedWithTheLimit()
    {
        UseLanguage("fa-IR");
        DateTime? value = null;
        var field = _ctx.Render<DateField>(p => p.Add(f => f.Calendar, CalendarKind.Jalali).Add(f => f.Language, "fa")
            .Add(f => f.MinDate, new DateTime(2025, 3, 21)).Add(f => f.DateChanged, v => value = v));
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "1403/12/30" });
        Assert.Null(value);
        Assert.Equal("تاریخ ۱۴۰۴/۰۱/۰۱ یا پس از آن را انتخاب کنید.", field.Find(".mud-input-error").TextContent.Trim());
    }

    [Theory]
    [InlineData("fa", "1403-12-30", "۱۴۰۳/۱۲/۳۰")]
    [InlineData("fa", "١٤٠٤.١.١", "۱۴۰۴/۰۱/۰۱")]
    [InlineData("en", "۱۴۰۴/۱/۱", "1404/01/01")]
    public async Task DateField_ShowsATypedDateBackInThePagesDigits(string language, string typed, string shown)
    {
        UseLanguage(language == "fa" ? "fa-IR" : "en-US");
        var field = _ctx.Render<DateField>(p => p.Add(f => f.Calendar, CalendarKind.Jalali).Add(f => f.Language, language));
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = typed });
        Assert.Equal(shown, field.Find("input").GetAttribute("value"));
    }

    [Theory]
    [InlineData("۹:۳۰", 9, 30, "۰۹:۳۰")]
    [InlineData("١٤:٠٥", 14, 5, "۱۴:۰۵")]
    [InlineData("1430", 14, 30, "۱۴:۳۰")]
    [InlineData("8", 8, 0, "۰۸:۰۰")]
    [InlineData("23.59", 23, 59, "۲۳:۵۹")]
    public async Task TimeField_ReadsAnyDigits_AndShowsPersianDigitsInFa(string typed, int hours, int minutes, string shown)
    {
        UseLanguage("fa-IR");
        TimeSpan? value = null;
        var field = _ctx.Render<TimeField>(p => p.Add(f => f.TimeChanged, v => value = v));
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = typed });
        Assert.Equal(new TimeSpan(hours, minutes, 0), value);
        Assert.Equal(shown, field.Find("input").GetAttribute("value"));
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("9:75")]
    [InlineData("noon")]
    public async Task TimeField_RefusesImpossibleTimes_SayingWhy(string typed)
    {
        UseLanguage("en-US");
        var changes = 0;
        var field = _ctx.Render<TimeField>(p => p.Add(f => f.Time, new TimeSpan(9, 0, 0)).Add(f => f.TimeChanged, _ => changes++));
        await field.Find("input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = typed });
        Assert.Equal(0, changes);
        Assert.Equal("Enter a time as hours:minutes (00:00 to 23:59), e.g. 09:30.", field.Find(".mud-input-error").TextContent.Trim());
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
    public void DateField_ShowsTheDateInTheUsersCalendar_InPersianDigits()
    {
        UseLanguage("fa-IR");
        var field = _ctx.Render<DateField>(p => p.Add(f => f.Calendar, CalendarKind.Jalali).Add(f => f.Language, "fa")
            .Add(f => f.Date, new DateTime(2025, 3, 21)));
        Assert.Equal("۱۴۰۴/۰۱/۰۱", field.Find("input").GetAttribute("value"));
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
