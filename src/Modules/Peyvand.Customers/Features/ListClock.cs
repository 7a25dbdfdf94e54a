using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Localization;
using Peyvand.Kernel.Lists;

namespace Peyvand.Customers.Features;

/// <summary>
/// "Now" as a list's caller reads it: their time zone and calendar. Date-only bounds are whole days of this zone, and a
/// birthday window ("this month") is a month of this calendar (a Jalali month spans two Gregorian ones).
/// </summary>
public sealed record ListClock(DateTimeOffset Now, TimeZoneInfo Zone, CalendarKind Calendar)
{
    /// <summary>The relative birthday windows a list takes as <c>birthdays=</c>.</summary>
    public static readonly IReadOnlyList<string> BirthdayWindows = ["next7", "thisMonth", "nextMonth"];

    private static readonly PersianCalendar Persian = new();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Zone).DateTime);

    /// <summary>The instant (UTC) the given day of the caller's zone starts.</summary>
    public DateTime StartOfDayUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a clock change skips midnight, the day starts at the first time that exists.
        while (Zone.IsInvalidTime(local))
            local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>The first and last day of a birthday window, both inclusive; null for a window it does not know.</summary>
    public (DateOnly From, DateOnly To)? BirthdayWindow(string window)
    {
        var today = Today;
        return window switch
        {
            "next7" => (today, today.AddDays(6)),
            "thisMonth" => Month(today, 0),
            "nextMonth" => Month(today, 1),
            _ => null,
        };
    }

    private (DateOnly, DateOnly) Month(DateOnly today, int ahead)
    {
        if (Calendar != CalendarKind.Jalali)
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(ahead);
            return (first, first.AddMonths(1).AddDays(-1));
        }
        var date = today.ToDateTime(TimeOnly.MinValue);
        var start = Persian.AddMonths(Persian.ToDateTime(Persian.GetYear(date), Persian.GetMonth(date), 1, 0, 0, 0, 0), ahead);
        var days = Persian.GetDaysInMonth(Persian.GetYear(start), Persian.GetMonth(start));
        return (DateOnly.FromDateTime(start), DateOnly.FromDateTime(start.AddDays(days - 1)));
    }
}

/// <summary>The caller's <see cref="ListClock"/>: their own time zone and calendar, else their organisation's (read once a scope).</summary>
public sealed class CallerClock(PeyvandDbContext db, TimeProvider time)
{
    private ListClock? _clock;

    public async Task<ListClock> GetAsync(CancellationToken cancellationToken)
    {
        if (_clock is not null)
            return _clock;
        var userId = db.CurrentUser.UserId;
        var tenantId = db.CurrentUser.RequireTenant();
        var user = await db.Set<AppUser>().AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Language, u.Calendar, u.TimeZone }).SingleOrDefaultAsync(cancellationToken);
        var tenant = await db.Set<Tenant>().AsNoTracking().Where(t => t.Id == tenantId)
            .Select(t => new { t.DefaultLanguage, t.DefaultCalendar, t.TimeZone }).SingleAsync(cancellationToken);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(user?.TimeZone ?? tenant.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var calendar = DateFormatter.CalendarFor(user?.Language ?? tenant.DefaultLanguage, user?.Calendar, tenant.DefaultCalendar);
        return _clock = new ListClock(time.GetUtcNow(), zone, calendar);
    }
}

/// <summary>
/// Reads the contact and company filters' caller-relative values against the caller's clock: <c>birthdays=thisMonth</c>
/// becomes a month-day window, a date-only created/updated bound the instant its day starts (or, for "to", ends) in the
/// caller's zone. The clock is read only when a filter needs it.
/// </summary>
public sealed class CustomerListFilters(CallerClock callerClock) : IListFilterPreparer<ContactFilter>, IListFilterPreparer<CompanyFilter>
{
    public async Task<ContactFilter> PrepareAsync(ContactFilter filter, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        if (filter.Birthdays is { } window && !string.IsNullOrWhiteSpace(window))
        {
            window = window.Trim();
            if (filter.BirthdayFrom is not null || filter.BirthdayTo is not null)
                Kernel.Api.Validation.Add(errors, "birthdays", CustomerText.BirthdaysOrRange);
            else if (!ListClock.BirthdayWindows.Contains(window))
                Kernel.Api.Validation.Add(errors, "birthdays", Kernel.Api.ApiText.ChooseOneOf(string.Join(", ", ListClock.BirthdayWindows)));
            else if ((await callerClock.GetAsync(cancellationToken)).BirthdayWindow(window) is var (from, to))
                filter = filter with { Birthdays = null, BirthdayFrom = MonthDay(from), BirthdayTo = MonthDay(to) };
        }
        CustomerRules.ThrowIfAny(errors);
        var (createdFrom, createdTo, updatedFrom, updatedTo) = await RangesAsync(filter.CreatedFrom, filter.CreatedTo, filter.UpdatedFrom, filter.UpdatedTo, cancellationToken);
        return filter with { CreatedFrom = createdFrom, CreatedTo = createdTo, UpdatedFrom = updatedFrom, UpdatedTo = updatedTo };
    }

    public async Task<CompanyFilter> PrepareAsync(CompanyFilter filter, CancellationToken cancellationToken)
    {
        var (createdFrom, createdTo, updatedFrom, updatedTo) = await RangesAsync(filter.CreatedFrom, filter.CreatedTo, filter.UpdatedFrom, filter.UpdatedTo, cancellationToken);
        return filter with { CreatedFrom = createdFrom, CreatedTo = createdTo, UpdatedFrom = updatedFrom, UpdatedTo = updatedTo };
    }

    private async Task<(string?, string?, string?, string?)> RangesAsync(
        string? createdFrom, string? createdTo, string? updatedFrom, string? updatedTo, CancellationToken cancellationToken) =>
        (await LocalAsync(createdFrom, upper: false, cancellationToken), await LocalAsync(createdTo, upper: true, cancellationToken),
            await LocalAsync(updatedFrom, upper: false, cancellationToken), await LocalAsync(updatedTo, upper: true, cancellationToken));

    // A day becomes the instant it starts (a "to" day: the instant after it ends); anything else is left for the filter to read.
    private async Task<string?> LocalAsync(string? value, bool upper, CancellationToken cancellationToken)
    {
        if (ListFilterInput.Day(value) is not { } day)
            return value;
        var clock = await callerClock.GetAsync(cancellationToken);
        return clock.StartOfDayUtc(upper ? day.AddDays(1) : day).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    private static string MonthDay(DateOnly day) => day.ToString("MM-dd", CultureInfo.InvariantCulture);
}
