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

    // A list page's address holds the list API's parameters (docs/customers.md, "The list is its address"): a value the
    // API refuses is explained on the page in the same words, and keys the list does not know are passed over.
    [Fact]
    public async Task A_list_address_with_a_refused_filter_shows_the_APIs_message()
    {
        var tenant = await app.CreateTenantAsync();
        using var api = await tenant.ClientForUserAsync(tenant.AdminUserId);
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fa-IR");
        var problem = await (await api.GetAsync("/api/v1/contacts?createdFrom=1403-13-40")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("createdFrom")[0].GetString()!;

        var (browser, _) = await app.SignInThroughFormAsync(tenant.AdminEmail);
        using (browser)
        {
            await (await browser.GetAsync("/?culture=fa-IR")).ShouldHaveAsync(HttpStatusCode.OK);
            using var refused = await browser.GetAsync("/contacts?createdFrom=1403-13-40&nonsense=1");
            await refused.ShouldHaveAsync(HttpStatusCode.OK);
            Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
            using var plain = await browser.GetAsync("/contacts?nonsense=1");
            Assert.DoesNotContain(message, System.Net.WebUtility.HtmlDecode(await plain.Content.ReadAsStringAsync()));
        }
    }
}

public sealed class PagesTestsSqlite(SqliteApp app) : PagesTests(app);

public sealed class PagesTestsPostgres(PostgresApp app) : PagesTests(app);
