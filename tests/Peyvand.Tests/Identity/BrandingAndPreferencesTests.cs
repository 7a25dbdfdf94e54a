using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Peyvand.Identity.Domain;

namespace Peyvand.Tests.Identity;

/// <summary>The organisation's logo and fiscal year, and each user's own display preferences, through the API.</summary>
public abstract class BrandingAndPreferencesTests(PeyvandAppFactory app)
{
    // The smallest valid PNG (1×1 pixel).
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private static MultipartFormDataContent Image(byte[] bytes, string type)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", type == "image/svg+xml" ? "logo.svg" : "logo.png" } };
    }

    [Fact]
    public async Task Logo_PngIsStored_ServedFromACacheableAddress_AndReplaced()
    {
        var tenant = await app.CreateTenantAsync();

        var put = await tenant.Admin.PutAsync("/api/v1/tenant/logo", Image(Png, "image/png"));
        await put.ShouldHaveAsync(HttpStatusCode.OK);
        var url = (await put.JsonAsync()).GetProperty("logoUrl").GetString()!;
        Assert.StartsWith("/branding/logo/", url);

        using var anonymous = app.CreateClient();
        var image = await anonymous.GetAsync(url);
        await image.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Contains("immutable", image.Headers.CacheControl?.ToString());
        Assert.Equal(url, (await (await tenant.Admin.GetAsync("/api/v1/tenant")).JsonAsync()).GetProperty("logoUrl").GetString());

        // A new upload gets a new address; the old one is gone.
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 0xFF, 0xD9 };
        var second = await tenant.Admin.PutAsync("/api/v1/tenant/logo", Image(jpeg, "image/jpeg"));
        var newUrl = (await second.JsonAsync()).GetProperty("logoUrl").GetString();
        Assert.NotEqual(url, newUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);

        var removed = await tenant.Admin.DeleteAsync("/api/v1/tenant/logo");
        await removed.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, (await removed.JsonAsync()).GetProperty("logoUrl").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(newUrl)).StatusCode);
    }

    [Theory]
    [InlineData("image/svg+xml")]
    [InlineData("image/png")] // an SVG claiming to be a PNG: the bytes decide
    public async Task Logo_Svg_IsRefusedWithProblemDetails(string declaredType)
    {
        var tenant = await app.CreateTenantAsync();
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

        var problem = await (await tenant.Admin.PutAsync("/api/v1/tenant/logo", Image(svg, declaredType))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Logo_OverTheSizeLimit_IsRefused_AndOnlyAdminsMaySetIt()
    {
        var tenant = await app.CreateTenantAsync();
        var big = new byte[TenantLogo.MaxBytes + 1];
        Png.CopyTo(big, 0);
        await (await tenant.Admin.PutAsync("/api/v1/tenant/logo", Image(big, "image/png"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var (_, rep) = await tenant.UserWithRoleAsync(BuiltInRoles.SalesRep);
        await (await rep.PutAsync("/api/v1/tenant/logo", Image(Png, "image/png"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task FiscalYearStart_DefaultsToNowruz_AndRejectsADayTheMonthLacks()
    {
        var tenant = await app.CreateTenantAsync();
        var view = await (await tenant.Admin.GetAsync("/api/v1/tenant")).JsonAsync();
        Assert.Equal(1, view.GetProperty("fiscalYearStartMonth").GetInt32());
        Assert.Equal(1, view.GetProperty("fiscalYearStartDay").GetInt32());

        var bad = await tenant.Admin.PatchAsync("/api/v1/tenant", JsonContent.Create(new { fiscalYearStartMonth = 12, fiscalYearStartDay = 30 }));
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("fiscalYearStartDay", out _));

        var good = await tenant.Admin.PatchAsync("/api/v1/tenant", JsonContent.Create(new { fiscalYearStartMonth = 4, fiscalYearStartDay = 1 }));
        Assert.Equal(4, (await good.JsonAsync()).GetProperty("fiscalYearStartMonth").GetInt32());
    }

    [Fact]
    public async Task Preferences_AreTheCallersOwn_AndValidated()
    {
        var tenant = await app.CreateTenantAsync();
        var (_, rep) = await tenant.UserWithRoleAsync(BuiltInRoles.ReadOnly);

        var saved = await rep.PutAsJsonAsync("/api/v1/me/preferences", new { language = "en", calendar = "jalali", timeZone = "Europe/London", theme = "dark" });
        await saved.ShouldHaveAsync(HttpStatusCode.OK);
        var read = await (await rep.GetAsync("/api/v1/me/preferences")).JsonAsync();
        Assert.Equal("jalali", read.GetProperty("calendar").GetString());
        Assert.Equal("dark", read.GetProperty("theme").GetString());
        Assert.Equal(JsonValueKind.Null, (await (await tenant.Admin.GetAsync("/api/v1/me/preferences")).JsonAsync()).GetProperty("theme").ValueKind);

        var bad = await rep.PutAsJsonAsync("/api/v1/me/preferences", new { theme = "purple", timeZone = "Mars/Olympus" });
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("theme", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("timeZone", out _));
    }
}

public sealed class BrandingAndPreferencesTestsSqlite(SqliteApp app) : BrandingAndPreferencesTests(app);

public sealed class BrandingAndPreferencesTestsPostgres(PostgresApp app) : BrandingAndPreferencesTests(app);
