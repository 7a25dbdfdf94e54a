using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;

namespace Peyvand.Tests.Identity;

/// <summary>
/// The organisation's unit for rial amounts (<c>rialDisplay</c>): toman by default, patchable with the settings' ETag,
/// refused with a field error when unknown. It changes only the UI: the API and exports keep amounts in rials.
/// </summary>
public abstract class RialDisplayTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task Defaults_to_tomans_is_patched_with_the_ETag_and_refuses_unknown_units()
    {
        var tenant = await app.CreateTenantAsync();
        var read = await tenant.Admin.GetAsync("/api/v1/tenant");
        await read.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal("toman", (await read.JsonAsync()).GetProperty("rialDisplay").GetString());
        var etag = read.ETag();
        Assert.NotNull(etag);

        var bad = await tenant.Admin.PatchJsonAsync("/api/v1/tenant", new { rialDisplay = "dollar" }, etag);
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("toman", problem.GetProperty("errors").GetProperty("rialDisplay")[0].GetString(), StringComparison.Ordinal);

        var patched = await tenant.Admin.PatchJsonAsync("/api/v1/tenant", new { rialDisplay = "rial" }, etag);
        await patched.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal("rial", (await patched.JsonAsync()).GetProperty("rialDisplay").GetString());
        Assert.NotEqual(etag, patched.ETag());

        // The old ETag is stale now: the change back is refused and nothing moves.
        await (await tenant.Admin.PatchJsonAsync("/api/v1/tenant", new { rialDisplay = "toman" }, etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("rial", (await (await tenant.Admin.GetAsync("/api/v1/tenant")).JsonAsync()).GetProperty("rialDisplay").GetString());
    }

    [Fact]
    public async Task Api_and_exports_keep_rials_whatever_the_organisation_shows()
    {
        var tenant = await app.CreateTenantAsync();
        await (await tenant.Admin.PatchAsJsonAsync("/api/v1/tenant", new { rialDisplay = "toman" })).ShouldHaveAsync(HttpStatusCode.OK);
        await tenant.CreateAsync("custom-fields", new { entity = "contacts", key = "budget", type = "money", labelEn = "Budget", labelFa = "بودجه", currency = "IRR" });
        var created = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName = "Rahimi", customFields = new { budget = new { amount = "12345", currency = "IRR" } } });
        await created.ShouldHaveAsync(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        var view = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{id}");
        var budget = view.GetProperty("customFields").GetProperty("budget");
        Assert.Equal("12345", budget.GetProperty("amount").GetString());
        Assert.Equal("IRR", budget.GetProperty("currency").GetString());

        // Exports: plain numbers in rials (ASCII, no separators) under a header that names the unit.
        foreach (var (lang, header) in new[] { ("fa", "نام خانوادگی,بودجه (ریال)"), ("en", "Last name,Budget (IRR)") })
        {
            var csv = await tenant.Admin.GetStringAsync($"/api/v1/contacts/export?format=csv&lang={lang}&columns=lastName,cf.budget");
            Assert.Equal([header, "Rahimi,12345"], csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        }
        var xlsx = await tenant.Admin.GetAsync("/api/v1/contacts/export?format=xlsx&lang=fa&columns=cf.budget");
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var cell = workbook.Worksheet(1).Cell(2, 1);
        Assert.Equal(XLDataType.Number, cell.DataType);
        Assert.Equal(12345d, cell.GetDouble());
    }
}

public sealed class RialDisplayTestsSqlite(SqliteApp app) : RialDisplayTests(app);

public sealed class RialDisplayTestsPostgres(PostgresApp app) : RialDisplayTests(app);
