using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Peyvand.Tests.Localization;

/// <summary>The services' validation and problem messages follow Accept-Language; the <c>errors</c> keys never change.</summary>
public abstract class MessagesApiTests(PeyvandAppFactory app)
{
    private static async Task<JsonElement> ProblemAsync(HttpClient client, HttpMethod method, string url, object? body, string language, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await (await client.SendAsync(request)).ShouldBeProblemAsync(status);
    }

    private static string Message(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    private static string[] Keys(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order()];

    [Fact]
    public async Task A_bad_contact_gets_field_errors_in_Persian_or_English_under_the_same_keys()
    {
        var tenant = await app.CreateTenantAsync();
        var bad = new
        {
            firstName = "", lastName = " ",
            emails = new[] { new { value = "ali@" } },
            phones = new[] { new { value = "12" } },
            nationalId = "0012345678",
            addresses = new[] { new { country = "IR", province = "Tehran", city = "Tehran", postalCode = "1234567890" } },
        };
        var fa = await ProblemAsync(tenant.Admin, HttpMethod.Post, "/api/v1/contacts", bad, "fa-IR", HttpStatusCode.BadRequest);
        var en = await ProblemAsync(tenant.Admin, HttpMethod.Post, "/api/v1/contacts", bad, "en-US", HttpStatusCode.BadRequest);

        string[] keys = ["addresses[0].postalCode", "emails[0].value", "lastName", "nationalId", "phones[0].value"];
        Assert.Equal(keys, Keys(fa).Intersect(keys));
        Assert.Equal(Keys(en), Keys(fa));
        Assert.Equal("یک یا چند مورد درست وارد نشده است.", fa.GetProperty("title").GetString());
        Assert.Equal("One or more fields are invalid.", en.GetProperty("title").GetString());
        Assert.Equal("نشانی ایمیل معتبر نیست.", Message(fa, "emails[0].value"));
        Assert.Equal("Not a valid email address.", Message(en, "emails[0].value"));
        Assert.StartsWith("شماره تلفن معتبر نیست", Message(fa, "phones[0].value"), StringComparison.Ordinal);
        Assert.StartsWith("Not a valid phone number", Message(en, "phones[0].value"), StringComparison.Ordinal);
        Assert.StartsWith("کد ملی معتبر نیست", Message(fa, "nationalId"), StringComparison.Ordinal);
        Assert.StartsWith("Not a valid Iranian national ID", Message(en, "nationalId"), StringComparison.Ordinal);
        Assert.StartsWith("کد پستی معتبر نیست", Message(fa, "addresses[0].postalCode"), StringComparison.Ordinal);
        Assert.Contains("۱۰ رقم", Message(fa, "addresses[0].postalCode"), StringComparison.Ordinal); // Persian digits in a Persian message
        Assert.StartsWith("Not a valid Iranian postal code", Message(en, "addresses[0].postalCode"), StringComparison.Ordinal);
        Assert.Equal("نام یا نام خانوادگی را وارد کنید.", Message(fa, "lastName"));
        Assert.Equal("Give a first or last name.", Message(en, "lastName"));

        // Too long: the DataAnnotations limit, with its number, in either language.
        var tooLong = new { lastName = "Rezaei", jobTitle = new string('x', 101) };
        fa = await ProblemAsync(tenant.Admin, HttpMethod.Post, "/api/v1/contacts", tooLong, "fa-IR", HttpStatusCode.BadRequest);
        en = await ProblemAsync(tenant.Admin, HttpMethod.Post, "/api/v1/contacts", tooLong, "en-US", HttpStatusCode.BadRequest);
        Assert.Equal("حداکثر ۱۰۰ نویسه.", Message(fa, "jobTitle"));
        Assert.Equal("At most 100 characters.", Message(en, "jobTitle"));
    }

    [Fact]
    public async Task DataAnnotations_and_identity_messages_follow_the_language()
    {
        var tenant = await app.CreateTenantAsync();
        var user = new { email = "not-an-email", displayName = "" };
        var fa = await ProblemAsync(tenant.Admin, HttpMethod.Post, "/api/v1/users", user, "fa-IR", HttpStatusCode.BadRequest);
        var en = await ProblemAsync(tenant.Admin, HttpMethod.Post, "/api/v1/users", user, "en-US", HttpStatusCode.BadRequest);
        Assert.Equal(Keys(en), Keys(fa));
        Assert.Equal("نشانی ایمیل معتبر نیست.", Message(fa, "email"));
        Assert.Equal("Not a valid email address.", Message(en, "email"));
        Assert.Equal("پر کردن این فیلد الزامی است.", Message(fa, "displayName"));
        Assert.Equal("This field is required.", Message(en, "displayName"));

        var settings = new { defaultCurrency = "XYZ", fiscalYearStartDay = 40 };
        fa = await ProblemAsync(tenant.Admin, HttpMethod.Patch, "/api/v1/tenant", settings, "fa-IR", HttpStatusCode.BadRequest);
        en = await ProblemAsync(tenant.Admin, HttpMethod.Patch, "/api/v1/tenant", settings, "en-US", HttpStatusCode.BadRequest);
        Assert.Equal(["defaultCurrency", "fiscalYearStartDay"], Keys(fa));
        Assert.Equal(Keys(en), Keys(fa));
        Assert.StartsWith("یکی از این‌ها را به کار ببرید: IRR", Message(fa, "defaultCurrency"), StringComparison.Ordinal);
        Assert.StartsWith("Use one of IRR", Message(en, "defaultCurrency"), StringComparison.Ordinal);
        Assert.Contains("باید بین ۱ و ۳۱ باشد.", fa.GetProperty("errors").GetProperty("fiscalYearStartDay").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("Must be between 1 and 31.", en.GetProperty("errors").GetProperty("fiscalYearStartDay").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Problem_titles_and_paging_errors_follow_the_language()
    {
        var tenant = await app.CreateTenantAsync();
        var missing = Guid.NewGuid();
        var fa = await ProblemAsync(tenant.Admin, HttpMethod.Get, $"/api/v1/contacts/{missing}", null, "fa-IR", HttpStatusCode.NotFound);
        var en = await ProblemAsync(tenant.Admin, HttpMethod.Get, $"/api/v1/contacts/{missing}", null, "en-US", HttpStatusCode.NotFound);
        Assert.Equal("پیدا نشد.", fa.GetProperty("title").GetString());
        Assert.Equal("Not found.", en.GetProperty("title").GetString());

        fa = await ProblemAsync(tenant.Admin, HttpMethod.Get, "/api/v1/contacts?limit=500", null, "fa-IR", HttpStatusCode.BadRequest);
        en = await ProblemAsync(tenant.Admin, HttpMethod.Get, "/api/v1/contacts?limit=500", null, "en-US", HttpStatusCode.BadRequest);
        Assert.Equal("باید بین ۱ و ۲۰۰ باشد.", Message(fa, "limit"));
        Assert.Equal("Must be between 1 and 200.", Message(en, "limit"));

        var (_, rep) = await tenant.UserWithRoleAsync("read-only");
        fa = await ProblemAsync(rep, HttpMethod.Post, "/api/v1/contacts", new { lastName = "X" }, "fa-IR", HttpStatusCode.Forbidden);
        Assert.Equal("دسترسی ندارید.", fa.GetProperty("title").GetString());
    }
}

public sealed class MessagesApiTestsSqlite(SqliteApp app) : MessagesApiTests(app);

public sealed class MessagesApiTestsPostgres(PostgresApp app) : MessagesApiTests(app);
