using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Peyvand.Identity.Auth;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Localization;

namespace Peyvand.Web.Components.Shared;

/// <summary>
/// How interactive pages call the application services: each operation gets a fresh DI scope (its own DbContext) whose
/// current user is loaded from the circuit's principal, so services check permissions exactly as for an API request,
/// with the user's rights as they are now rather than when the circuit opened.
/// </summary>
public sealed class UserOperations(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public async Task<TResult> RunAsync<TResult>(Func<IServiceProvider, Task<TResult>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        var state = await authentication.GetAuthenticationStateAsync();
        if (!await scope.ServiceProvider.GetRequiredService<CurrentUserLoader>().LoadAsync(state.User, CancellationToken.None))
            throw new ForbiddenException(Peyvand.Identity.Features.IdentityText.SignInFirst);
        return await work(scope.ServiceProvider);
    }

    /// <summary>How the signed-in user reads times and amounts: their language, calendar, time zone and the organisation's rial unit.</summary>
    public async Task<UserClock> ClockAsync() => UserClock.For((await authentication.GetAuthenticationStateAsync()).User);
}

/// <summary>
/// Dates, times and amounts as one user reads them: Jalali or Gregorian, their time zone, Persian digits in fa, and rial
/// amounts in tomans when the organisation shows tomans (<see cref="RialsAsTomans"/>).
/// </summary>
public sealed record UserClock(string Language, CalendarKind Calendar, TimeZoneInfo Zone, bool RialsAsTomans = false)
{
    private const string DefaultZone = "Asia/Tehran";

    public static UserClock For(ClaimsPrincipal? user)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        // The user's own choice, else the organisation's default (both ride in the cookie), never the language alone.
        var calendar = DateFormatter.CalendarFor(language, user?.FindFirst(PeyvandClaims.Calendar)?.Value,
            user?.FindFirst(PeyvandClaims.OrganisationCalendar)?.Value);
        var zoneId = user?.FindFirst(PeyvandClaims.TimeZone)?.Value is { Length: > 0 } mine ? mine
            : user?.FindFirst(PeyvandClaims.OrganisationTimeZone)?.Value is { Length: > 0 } organisation ? organisation
            : DefaultZone;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        // The organisation's unit rides in the cookie too; an old cookie without it reads as the default (tomans).
        var rialDisplay = user?.FindFirst(PeyvandClaims.OrganisationRialDisplay)?.Value ?? MoneyFormatter.Toman;
        return new UserClock(language, calendar, zone, MoneyFormatter.IsTomans(rialDisplay));
    }

    /// <summary>An amount as "۱٬۲۵۰٬۰۰۰ تومان" (fa, organisation in tomans) or "12,500,000 IRR"; the one way the UI shows money.</summary>
    public string Money(Kernel.Domain.Money money) => MoneyFormatter.Format(money, Language, RialsAsTomans);

    public string Date(DateOnly date) => DateFormatter.LongDate(date, Language, Calendar);

    /// <summary>A UTC time as "۱۴۰۵/۰۹/۰۴ ۱۸:۳۰" (fa) or "2026/11/25 18:30".</summary>
    public string DateTime(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
        var text = DateFormatter.ShortDate(DateOnly.FromDateTime(local), Language, Calendar) + " "
            + local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return Language == "fa" ? Digits.ToPersian(text) : text;
    }

    /// <summary>The start of a day the user picked, in UTC.</summary>
    public DateTime StartOfDayUtc(DateTime day) =>
        TimeZoneInfo.ConvertTimeToUtc(System.DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified), Zone);
}
