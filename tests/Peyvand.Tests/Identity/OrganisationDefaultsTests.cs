using System.Net;
using System.Net.Http.Json;
using Peyvand.Kernel.Localization;

namespace Peyvand.Tests.Identity;

/// <summary>
/// A user who has not chosen a calendar or time zone reads dates in the organisation's defaults, whatever their language:
/// the calendar is never derived from the language while the organisation has one.
/// </summary>
public abstract class OrganisationDefaultsTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task PersianUser_InAGregorianOrganisation_SeesGregorianDates()
    {
        var tenant = await app.CreateTenantAsync();
        await SetOrganisationAsync(tenant, "gregorian", "Asia/Tehran");
        await SetOwnPreferencesAsync(tenant, "fa");

        var home = await SignInAndOpenHomeAsync(tenant.AdminEmail);

        var today = DateFormatter.Today(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran"));
        Assert.Contains(DateFormatter.LongDate(today, "fa", CalendarKind.Gregorian), home);
        Assert.DoesNotContain(DateFormatter.LongDate(today, "fa", CalendarKind.Jalali), home);
        Assert.Contains("dir=\"rtl\"", home);
    }

    [Fact]
    public async Task EnglishUser_InAJalaliOrganisation_SeesJalaliDates_InTheOrganisationsTimeZone()
    {
        var tenant = await app.CreateTenantAsync();
        // Far from Tehran, so that "today" differs for half of each day and a Tehran fallback would show.
        await SetOrganisationAsync(tenant, "jalali", "Pacific/Kiritimati");
        await SetOwnPreferencesAsync(tenant, "en");

        var home = await SignInAndOpenHomeAsync(tenant.AdminEmail);

        var today = DateFormatter.Today(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati"));
        Assert.Contains(DateFormatter.LongDate(today, "en", CalendarKind.Jalali), home);
        Assert.Contains("dir=\"ltr\"", home);
    }

    [Fact]
    public async Task UsersOwnCalendar_StillWinsOverTheOrganisations()
    {
        var tenant = await app.CreateTenantAsync();
        await SetOrganisationAsync(tenant, "jalali", "Asia/Tehran");
        await SetOwnPreferencesAsync(tenant, "fa", calendar: "gregorian");

        var home = await SignInAndOpenHomeAsync(tenant.AdminEmail);

        var today = DateFormatter.Today(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran"));
        Assert.Contains(DateFormatter.LongDate(today, "fa", CalendarKind.Gregorian), home);
    }

    private static async Task SetOrganisationAsync(TestTenant tenant, string calendar, string timeZone)
    {
        var patched = await tenant.Admin.PatchAsync("/api/v1/tenant", JsonContent.Create(new { defaultCalendar = calendar, timeZone }));
        await patched.ShouldHaveAsync(HttpStatusCode.OK);
    }

    private static async Task SetOwnPreferencesAsync(TestTenant tenant, string language, string? calendar = null)
    {
        var saved = await tenant.Admin.PutAsJsonAsync("/api/v1/me/preferences", new { language, calendar, timeZone = (string?)null });
        await saved.ShouldHaveAsync(HttpStatusCode.OK);
    }

    private async Task<string> SignInAndOpenHomeAsync(string email)
    {
        var (browser, home) = await app.SignInThroughFormAsync(email);
        browser.Dispose();
        return home;
    }
}

public sealed class OrganisationDefaultsTestsSqlite(SqliteApp app) : OrganisationDefaultsTests(app);

public sealed class OrganisationDefaultsTestsPostgres(PostgresApp app) : OrganisationDefaultsTests(app);
