using System.Net;

namespace Peyvand.Tests.Platform;

/// <summary>
/// Every page a signed-in administrator can open renders on both databases. The browser tests run over SQLite, where EF's
/// "asynchronous" calls complete at once; over PostgreSQL they really yield, so a page renders its children before it has
/// finished loading — a path only a PostgreSQL run takes.
/// </summary>
public abstract class PagesTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task Every_page_opens_in_both_languages()
    {
        var tenant = await app.CreateTenantAsync();
        var ids = await tenant.CreateOneOfEachAsync();
        string[] pages =
        [
            "/", "/my-day", "/notifications", "/me/preferences", "/me/api-keys",
            "/contacts", "/contacts/new", $"/contacts/{ids["contacts"]}", $"/contacts/{ids["contacts"]}/edit",
            "/companies", "/companies/new", $"/companies/{ids["companies"]}", $"/companies/{ids["companies"]}/edit",
            "/admin/settings", "/admin/users", "/admin/teams", "/admin/roles", "/admin/api-keys", "/admin/audit",
            "/admin/custom-fields", "/admin/customer-categories",
        ];
        var (browser, _) = await app.SignInThroughFormAsync(tenant.AdminEmail);
        using (browser)
        {
            var failures = new List<string>();
            foreach (var culture in new[] { "fa-IR", "en-US" })
            {
                // ?culture= is remembered in a cookie and the address redirects to the page without it.
                await (await browser.GetAsync($"/?culture={culture}")).ShouldHaveAsync(HttpStatusCode.OK);
                foreach (var page in pages)
                {
                    using var response = await browser.GetAsync(page);
                    if (response.StatusCode != HttpStatusCode.OK)
                        failures.Add($"{culture} {page}: {(int)response.StatusCode}");
                }
            }
            Assert.Empty(failures);
        }
    }
}

public sealed class PagesTestsSqlite(SqliteApp app) : PagesTests(app);

public sealed class PagesTestsPostgres(PostgresApp app) : PagesTests(app);
