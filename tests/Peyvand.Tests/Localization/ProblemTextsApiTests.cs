using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Text;

namespace Peyvand.Tests.Localization;

/// <summary>
/// The problems the pipeline itself answers with (idempotency keys, media types, body size, unknown routes and methods,
/// missing keys, parameters it cannot bind, rate limits) are in the caller's language too, and name resources in it.
/// </summary>
public abstract class ProblemTextsApiTests(PeyvandAppFactory app)
{
    private static readonly string[] Languages = ["fa-IR", "en-US"];

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpRequestMessage request, string language, HttpStatusCode status)
    {
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await (await client.SendAsync(request)).ShouldBeProblemAsync(status);
    }

    private static string Text(JsonElement problem, string property) => problem.GetProperty(property).GetString()!;

    private static HttpRequestMessage Post(string url, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
            request.Headers.Add(IdempotencyMiddleware.Header, idempotencyKey);
        return request;
    }

    [Fact]
    public async Task Idempotency_key_problems_follow_the_language()
    {
        var tenant = await app.CreateTenantAsync();
        var key = Guid.NewGuid().ToString();
        await (await tenant.Admin.SendAsync(Post("/api/v1/teams", new { name = "First" }, key))).ShouldHaveAsync(HttpStatusCode.Created);

        var fa = await SendAsync(tenant.Admin, Post("/api/v1/teams", new { name = "Other" }, key), "fa-IR", HttpStatusCode.UnprocessableEntity);
        var en = await SendAsync(tenant.Admin, Post("/api/v1/teams", new { name = "Other" }, key), "en-US", HttpStatusCode.UnprocessableEntity);
        Assert.Equal("این Idempotency-Key پیش‌تر برای درخواست دیگری به کار رفته است.", Text(fa, "title"));
        Assert.Equal("This Idempotency-Key was used for a different request.", Text(en, "title"));
        Assert.StartsWith("تکرار یک درخواست", Text(fa, "detail"), StringComparison.Ordinal);
        Assert.StartsWith("A retry must repeat", Text(en, "detail"), StringComparison.Ordinal);

        // A record an earlier version left unfinished: 409, in progress.
        var unfinished = Guid.NewGuid().ToString();
        var hash = await HashOfAsync("/api/v1/teams", new { name = "Busy" });
        await app.InTenantAsync(tenant.Id, db =>
        {
            db.Add(new IdempotencyRecord
            {
                TenantId = tenant.Id, Key = $"{tenant.AdminUserId:N}:{Secrets.Hash(unfinished)}", RequestHash = hash,
                CreatedAt = DateTime.UtcNow, Completed = false,
            });
            return db.SaveChangesAsync();
        });
        fa = await SendAsync(tenant.Admin, Post("/api/v1/teams", new { name = "Busy" }, unfinished), "fa-IR", HttpStatusCode.Conflict);
        en = await SendAsync(tenant.Admin, Post("/api/v1/teams", new { name = "Busy" }, unfinished), "en-US", HttpStatusCode.Conflict);
        Assert.Equal("درخواستی با همین Idempotency-Key هنوز در حال انجام است.", Text(fa, "title"));
        Assert.Equal("A request with this Idempotency-Key is already in progress.", Text(en, "title"));
        Assert.Equal("Wait a moment, then retry with the same key.", Text(en, "detail"));

        var tooLong = new string('k', IdempotencyRecord.MaxKeyLength + 1);
        fa = await SendAsync(tenant.Admin, Post("/api/v1/teams", new { name = "Long" }, tooLong), "fa-IR", HttpStatusCode.BadRequest);
        en = await SendAsync(tenant.Admin, Post("/api/v1/teams", new { name = "Long" }, tooLong), "en-US", HttpStatusCode.BadRequest);
        Assert.Equal("Idempotency-Key باید حداکثر ۲۰۰ نویسه باشد.", Text(fa, "title"));
        Assert.Equal("Idempotency-Key must be at most 200 characters.", Text(en, "title"));
    }

    [Fact]
    public async Task Unsupported_media_types_and_oversized_bodies_follow_the_language()
    {
        var tenant = await app.CreateTenantAsync();
        var id = await tenant.CreateAsync("teams", new { name = "Media" });
        foreach (var language in Languages)
        {
            var persian = language == "fa-IR";
            var post = new HttpRequestMessage(HttpMethod.Post, "/api/v1/teams") { Content = new StringContent("name=x", Encoding.UTF8, "text/plain") };
            var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/teams/{id}") { Content = new StringContent("name=x", Encoding.UTF8, "text/plain") };
            foreach (var problem in new[]
            {
                await SendAsync(tenant.Admin, post, language, HttpStatusCode.UnsupportedMediaType),
                await SendAsync(tenant.Admin, patch, language, HttpStatusCode.UnsupportedMediaType),
            })
            {
                Assert.Equal(persian ? "نوع محتوای درخواست پشتیبانی نمی‌شود." : "Unsupported media type.", Text(problem, "title"));
                Assert.Contains(persian ? "application/json بفرستید" : "Send the body as application/json", Text(problem, "detail"), StringComparison.Ordinal);
            }

            var big = new HttpRequestMessage(HttpMethod.Post, "/api/v1/teams")
            {
                Content = new StringContent($"{{\"name\":\"Big\",\"description\":\"{new string('x', 1024 * 1024 + 10)}\"}}", Encoding.UTF8, "application/json"),
            };
            var tooLarge = await SendAsync(tenant.Admin, big, language, HttpStatusCode.RequestEntityTooLarge);
            Assert.Equal(persian ? "متن درخواست بیش از حد بزرگ است." : "The request body is too large.", Text(tooLarge, "title"));
            Assert.Equal(persian ? "متن هر درخواست حداکثر ۱ مگابایت می‌تواند باشد." : "A request body may be at most 1 MiB.", Text(tooLarge, "detail"));
        }
    }

    [Fact]
    public async Task The_pipelines_own_401_404_and_405_follow_the_language()
    {
        var tenant = await app.CreateTenantAsync();
        using var anonymous = app.ApiClient(null);
        using var badKey = app.ApiClient("pvk_not-a-real-key-at-all");
        foreach (var client in new[] { anonymous, badKey })
        {
            var fa = await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/api/v1/me"), "fa-IR", HttpStatusCode.Unauthorized);
            var en = await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, "/api/v1/me"), "en-US", HttpStatusCode.Unauthorized);
            Assert.Equal("ورود لازم است.", Text(fa, "title"));
            Assert.Equal("Sign-in required.", Text(en, "title"));
            Assert.Contains("کلید API", Text(fa, "detail"), StringComparison.Ordinal);
            Assert.Contains("API key", Text(en, "detail"), StringComparison.Ordinal);
        }
        // Without Accept-Language: Persian, the app's language.
        var fallback = await (await anonymous.GetAsync("/api/v1/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("ورود لازم است.", Text(fallback, "title"));

        var route = await SendAsync(tenant.Admin, new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-things"), "fa-IR", HttpStatusCode.NotFound);
        Assert.Equal("پیدا نشد.", Text(route, "title"));
        Assert.Equal("در این نشانی چیزی نیست.", Text(route, "detail"));
        route = await SendAsync(tenant.Admin, new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-things"), "en-US", HttpStatusCode.NotFound);
        Assert.Equal("There is nothing at this address.", Text(route, "detail"));

        var method = await SendAsync(tenant.Admin, new HttpRequestMessage(HttpMethod.Delete, "/api/v1/contacts"), "fa-IR", HttpStatusCode.MethodNotAllowed);
        Assert.Equal("این روش درخواست مجاز نیست.", Text(method, "title"));
        Assert.Equal("روش DELETE در این نشانی مجاز نیست.", Text(method, "detail"));
        method = await SendAsync(tenant.Admin, new HttpRequestMessage(HttpMethod.Delete, "/api/v1/contacts"), "en-US", HttpStatusCode.MethodNotAllowed);
        Assert.Equal("Method not allowed.", Text(method, "title"));
        Assert.Equal("DELETE is not allowed at this address.", Text(method, "detail"));
    }

    [Fact]
    public async Task A_parameter_the_framework_cannot_bind_is_a_field_error_in_the_language()
    {
        var tenant = await app.CreateTenantAsync();
        var fa = await SendAsync(tenant.Admin, new HttpRequestMessage(HttpMethod.Get, "/api/v1/search?q=ali&limit=many"), "fa-IR", HttpStatusCode.BadRequest);
        var en = await SendAsync(tenant.Admin, new HttpRequestMessage(HttpMethod.Get, "/api/v1/search?q=ali&limit=many"), "en-US", HttpStatusCode.BadRequest);
        Assert.Equal("یک یا چند مورد درست وارد نشده است.", Text(fa, "title"));
        Assert.Equal("One or more fields are invalid.", Text(en, "title"));
        Assert.Equal("limit", Assert.Single(fa.GetProperty("errors").EnumerateObject()).Name);
        Assert.Equal("limit", Assert.Single(en.GetProperty("errors").EnumerateObject()).Name);
        Assert.DoesNotContain("many", en.GetRawText(), StringComparison.Ordinal); // the framework's message echoed the value
    }

    [Fact]
    public async Task Not_found_forbidden_and_conflict_details_name_the_resource_in_the_language()
    {
        var tenant = await app.CreateTenantAsync();
        var missing = Guid.NewGuid();
        var fa = await SendAsync(tenant.Admin, new HttpRequestMessage(HttpMethod.Get, $"/api/v1/contacts/{missing}"), "fa-IR", HttpStatusCode.NotFound);
        var en = await SendAsync(tenant.Admin, new HttpRequestMessage(HttpMethod.Get, $"/api/v1/contacts/{missing}"), "en-US", HttpStatusCode.NotFound);
        Assert.Equal($"موردی با شناسه {missing} در مخاطبان پیدا نشد.", Text(fa, "detail"));
        Assert.Equal($"No record with id {missing} in contacts.", Text(en, "detail"));

        fa = await SendAsync(tenant.Admin, new HttpRequestMessage(HttpMethod.Get, $"/api/v1/api-keys/{missing}"), "fa-IR", HttpStatusCode.NotFound);
        Assert.Equal($"موردی با شناسه {missing} در کلیدهای API پیدا نشد.", Text(fa, "detail"));

        var (_, reader) = await tenant.UserWithRoleAsync("read-only");
        fa = await SendAsync(reader, Post("/api/v1/companies", new { name = "X" }), "fa-IR", HttpStatusCode.Forbidden);
        en = await SendAsync(reader, Post("/api/v1/companies", new { name = "X" }), "en-US", HttpStatusCode.Forbidden);
        Assert.Equal("اجازهٔ افزودن در شرکت‌ها را ندارید.", Text(fa, "detail"));
        Assert.Equal("You may not create companies.", Text(en, "detail"));
        Assert.DoesNotContain("companies", Text(fa, "detail"), StringComparison.Ordinal);
    }

    private static async Task<string> HashOfAsync(string path, object body)
    {
        // The middleware's request hash: method, path and the body's bytes as sent.
        var bytes = await JsonContent.Create(body).ReadAsByteArrayAsync();
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"POST {path}\n"));
        sha.AppendData(bytes);
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}

public sealed class ProblemTextsApiTestsSqlite(SqliteApp app) : ProblemTextsApiTests(app);

public sealed class ProblemTextsApiTestsPostgres(PostgresApp app) : ProblemTextsApiTests(app);

/// <summary>A refusal for too many requests, in either language.</summary>
public sealed class RateLimitTextsTests
{
    [Fact]
    public async Task A_429_follows_the_language()
    {
        await using var app = new PeyvandAppFactory(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Peyvand:RateLimit:PermitsPerMinute"] = "60",
        });
        await app.InitializeAsync();
        var tenant = await app.CreateTenantAsync();
        var refused = new Dictionary<string, JsonElement>();
        for (var i = 0; i < 60 && refused.Count < 2; i++)
        {
            var language = refused.ContainsKey("fa-IR") ? "en-US" : "fa-IR";
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
            var response = await tenant.Admin.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                refused[language] = await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        }
        Assert.Equal("تعداد درخواست‌ها بیش از حد مجاز است.", refused["fa-IR"].GetProperty("title").GetString());
        Assert.Contains("۶۰", refused["fa-IR"].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Too many requests.", refused["en-US"].GetProperty("title").GetString());
        Assert.StartsWith("An API key may make 60 requests a minute", refused["en-US"].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
