using System.Net;
using System.Text.Json;

namespace Peyvand.Tests.Customers;

public abstract class CustomFieldsApiTests(PeyvandAppFactory app)
{
    private static async Task<Guid> DefineAsync(TestTenant tenant, object body) => await tenant.CreateAsync("custom-fields", body);

    private static async Task<JsonElement> ContactAsync(TestTenant tenant, string lastName, object customFields)
    {
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName, customFields });
        await response.ShouldHaveAsync(HttpStatusCode.Created);
        return await response.JsonAsync();
    }

    private static async Task<List<string>> LastNamesAsync(TestTenant tenant, string query)
    {
        var response = await tenant.Admin.GetAsync($"/api/v1/contacts?{query}");
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        return [.. (await response.JsonAsync()).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("lastName").GetString()!)];
    }

    [Fact]
    public async Task Values_are_validated_normalised_filtered_and_sorted_by_field()
    {
        var tenant = await app.CreateTenantAsync();
        await DefineAsync(tenant, new { entity = "contacts", key = "budget", type = "number", labelFa = "بودجه", labelEn = "Budget", min = 0 });
        await DefineAsync(tenant, new { entity = "contacts", key = "renewal_date", type = "date", labelEn = "Renewal" });
        await DefineAsync(tenant, new { entity = "contacts", key = "region", type = "singleSelect", labelEn = "Region",
            options = new[] { new { value = "north", labelFa = "شمال", labelEn = "North" }, new { value = "south", labelFa = "جنوب", labelEn = "South" } } });
        await DefineAsync(tenant, new { entity = "contacts", key = "channels", type = "multiSelect", labelEn = "Channels",
            options = new[] { new { value = "sms", labelEn = "SMS" }, new { value = "email", labelEn = "Email" } } });
        await DefineAsync(tenant, new { entity = "contacts", key = "assistantPhone", type = "phone", labelEn = "Assistant" });
        await DefineAsync(tenant, new { entity = "contacts", key = "vip", type = "boolean", labelEn = "VIP" });
        await DefineAsync(tenant, new { entity = "contacts", key = "note", type = "text", labelEn = "Note", maxLength = 20 });

        var a = await ContactAsync(tenant, "A", new { budget = "۱۲۰٬۰۰۰", renewal_date = "۲۰۲۶-۰۳-۲۱", region = "north",
            channels = new[] { "email", "sms" }, assistantPhone = "۰۹۱۲ ۱۲۳ ۴۵۶۷", vip = true, note = "سفارش ویژه" });
        var cf = a.GetProperty("customFields");
        Assert.Equal(120000m, cf.GetProperty("budget").GetDecimal());
        Assert.Equal("+989121234567", cf.GetProperty("assistantPhone").GetString());
        Assert.Equal(["sms", "email"], cf.GetProperty("channels").EnumerateArray().Select(c => c.GetString()!)); // definition order
        await ContactAsync(tenant, "B", new { budget = 5000, renewal_date = "2025-12-01", region = "south", channels = new[] { "sms" }, vip = false });
        await ContactAsync(tenant, "C", new { budget = 90000.5, region = "north" });
        await ContactAsync(tenant, "D", new { });

        Assert.Equal(["A", "C"], await LastNamesAsync(tenant, "cf.region=north&sort=lastName"));
        Assert.Equal(["C", "A"], await LastNamesAsync(tenant, "cf.budget.gte=" + Uri.EscapeDataString("۹۰۰۰۰") + "&sort=cf.budget"));
        Assert.Equal(["B"], await LastNamesAsync(tenant, "cf.budget.lt=90000"));
        Assert.Equal(["B"], await LastNamesAsync(tenant, "cf.renewal_date.lt=2026-01-01"));
        Assert.Equal(["A", "B"], await LastNamesAsync(tenant, "cf.channels=sms&sort=lastName"));
        Assert.Equal(["A"], await LastNamesAsync(tenant, "cf.assistantPhone=09121234567"));
        Assert.Equal(["A"], await LastNamesAsync(tenant, "cf.vip=true"));
        Assert.Equal(["A"], await LastNamesAsync(tenant, "q=" + Uri.EscapeDataString("سفارش")));
        Assert.Equal(["A", "C"], await LastNamesAsync(tenant, "q=" + Uri.EscapeDataString("شمال") + "&sort=lastName"));
        // Without a value sorts first ascending, last descending; ties fall back to the id.
        Assert.Equal(["D", "B", "C", "A"], await LastNamesAsync(tenant, "sort=cf.budget"));
        Assert.Equal(["A", "C", "B", "D"], await LastNamesAsync(tenant, "sort=-cf.budget"));
        Assert.Equal(["C", "D", "B", "A"], await LastNamesAsync(tenant, "sort=cf.renewal_date"));
        Assert.Equal("2026-03-21", cf.GetProperty("renewal_date").GetString());

        await (await tenant.Admin.GetAsync("/api/v1/contacts?cf.nope=1")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Admin.GetAsync("/api/v1/contacts?cf.budget=abc")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Admin.GetAsync("/api/v1/contacts?cf.region.gt=north")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await tenant.Admin.GetAsync("/api/v1/contacts?sort=cf.nope")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Keyset_paging_by_a_custom_field_visits_every_record_once_with_nulls_and_ties()
    {
        var tenant = await app.CreateTenantAsync();
        await DefineAsync(tenant, new { entity = "contacts", key = "score", type = "number", labelEn = "Score" });
        await DefineAsync(tenant, new { entity = "contacts", key = "city", type = "text", labelEn = "City" });
        var expected = new List<Guid>();
        for (var i = 0; i < 13; i++)
        {
            object custom = (i % 4) switch
            {
                0 => new { },
                1 => new { score = 10, city = "Tehran" },
                2 => new { score = i * 1.5, city = "Shiraz" },
                _ => new { score = -3, city = "Tabriz" },
            };
            expected.Add((await ContactAsync(tenant, $"P{i}", custom)).GetProperty("id").GetGuid());
        }
        foreach (var sort in new[] { "cf.score", "-cf.score", "cf.city", "-cf.city" })
        {
            var ids = await tenant.Admin.ListAllIdsAsync($"/api/v1/contacts?sort={sort}", limit: 3);
            Assert.Equal(expected.Order(), ids.Order());
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
    }

    [Fact]
    public async Task Required_unique_and_unknown_fields_are_refused_with_field_errors_and_nothing_saved()
    {
        var tenant = await app.CreateTenantAsync();
        await DefineAsync(tenant, new { entity = "contacts", key = "memberNo", type = "text", labelEn = "Member no.", required = true, unique = true });
        await DefineAsync(tenant, new { entity = "contacts", key = "website2", type = "url", labelEn = "Site" });
        await DefineAsync(tenant, new { entity = "companies", key = "memberNo", type = "text", labelEn = "Company member no.", unique = true });
        var before = await tenant.SnapshotAsync();

        var bad = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName = "X", customFields = new { website2 = "ftp://x", other = 1 } });
        var errors = (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "customFields.memberNo", "customFields.website2", "customFields.other" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        Assert.Equal(before, await tenant.SnapshotAsync());

        var first = (await ContactAsync(tenant, "First", new { memberNo = "M-1" })).GetProperty("id").GetGuid();
        var duplicate = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName = "Second", customFields = new { memberNo = "M-1" } });
        Assert.True((await duplicate.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("customFields.memberNo", out _));
        // Unique per entity: a company may hold the same number; the record itself may keep its value.
        await (await tenant.Admin.PostAsJsonAsync("/api/v1/companies", new { name = "Co", customFields = new { memberNo = "M-1" } })).ShouldHaveAsync(HttpStatusCode.Created);
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{first}", new { jobTitle = "CEO" })).ShouldHaveAsync(HttpStatusCode.OK);
        // Changing the value frees the old one.
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{first}", new { customFields = new { memberNo = "M-2" } })).ShouldHaveAsync(HttpStatusCode.OK);
        await ContactAsync(tenant, "Third", new { memberNo = "M-1" });
        // Another tenant is not affected.
        var other = await app.CreateTenantAsync();
        await DefineAsync(other, new { entity = "contacts", key = "memberNo", type = "text", labelEn = "Member no.", unique = true });
        await (await other.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName = "Y", customFields = new { memberNo = "M-1" } })).ShouldHaveAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("en-US", "This field is required.", "Another record already has this value.", "Not a number.", "Choose one of: gold, silver.", "At most 10.", "No such custom field.")]
    [InlineData("fa-IR", "پر کردن این فیلد الزامی است.", "رکورد دیگری همین مقدار را دارد.", "عدد نیست.", "یکی از این گزینه‌ها را انتخاب کنید: gold, silver.", "حداکثر ۱۰.", "چنین فیلد سفارشی‌ای وجود ندارد.")]
    public async Task Custom_field_errors_come_in_the_callers_language(
        string language, string required, string taken, string notANumber, string badOption, string tooLarge, string unknown)
    {
        var tenant = await app.CreateTenantAsync();
        await DefineAsync(tenant, new { entity = "contacts", key = "memberNo", type = "text", labelEn = "Member no.", required = true, unique = true });
        await DefineAsync(tenant, new { entity = "contacts", key = "score", type = "number", labelEn = "Score", max = 10 });
        await DefineAsync(tenant, new
        {
            entity = "contacts", key = "tier", type = "singleSelect", labelEn = "Tier",
            options = new[] { new { value = "gold", labelEn = "Gold" }, new { value = "silver", labelEn = "Silver" } },
        });
        await ContactAsync(tenant, "First", new { memberNo = "M-1" });

        async Task<JsonElement> ErrorsAsync(object customFields, string? query = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/contacts" + query)
            {
                Content = JsonContent.Create(new { lastName = "X", customFields }),
            };
            request.Headers.AcceptLanguage.ParseAdd(language);
            return (await (await tenant.Admin.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        }
        string Message(JsonElement errors, string field) => errors.GetProperty(field)[0].GetString()!;

        var errors = await ErrorsAsync(new { score = "many", tier = "bronze", other = 1 });
        Assert.Equal(required, Message(errors, "customFields.memberNo"));
        Assert.Equal(notANumber, Message(errors, "customFields.score"));
        Assert.Equal(badOption, Message(errors, "customFields.tier"));
        Assert.Equal(unknown, Message(errors, "customFields.other"));
        errors = await ErrorsAsync(new { memberNo = "M-1", score = 11 });
        Assert.Equal(taken, Message(errors, "customFields.memberNo"));
        Assert.Equal(tooLarge, Message(errors, "customFields.score"));

        // List filters speak the same language.
        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/v1/contacts?cf.score=many");
        list.Headers.AcceptLanguage.ParseAdd(language);
        var filterErrors = (await (await tenant.Admin.SendAsync(list)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(notANumber, Message(filterErrors, "cf.score"));
    }

    [Theory]
    [InlineData("en-US", "A key starts with a lower-case letter", "A select field needs at least one option.", "The maximum must not be below the minimum.",
        "Give a label in Persian or English.", "A field's type cannot change; add a new field instead.", "The option 'gold' cannot be removed; rename its labels instead.")]
    [InlineData("fa-IR", "کلید با یک حرف کوچک لاتین شروع می‌شود", "فیلد انتخابی دست‌کم یک گزینه لازم دارد.", "بیشینه نباید از کمینه کمتر باشد.",
        "برچسبی به فارسی یا انگلیسی وارد کنید.", "نوع یک فیلد را نمی‌توان تغییر داد؛ به جای آن فیلد تازه‌ای بسازید.", "گزینه «gold» را نمی‌توان حذف کرد؛ به جای آن برچسب‌هایش را تغییر دهید.")]
    public async Task Definition_errors_come_in_the_callers_language(
        string language, string keyFormat, string needsOptions, string maxBelowMin, string label, string typeFixed, string optionRemoved)
    {
        var tenant = await app.CreateTenantAsync();
        async Task<JsonElement> ErrorsAsync(HttpMethod method, string url, object body)
        {
            using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
            request.Headers.AcceptLanguage.ParseAdd(language);
            return (await (await tenant.Admin.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        }
        string Message(JsonElement errors, string field) => errors.GetProperty(field)[0].GetString()!;

        var errors = await ErrorsAsync(HttpMethod.Post, "/api/v1/custom-fields", new { entity = "contacts", key = "Bad Key", type = "singleSelect" });
        Assert.StartsWith(keyFormat, Message(errors, "key"));
        Assert.Equal(needsOptions, Message(errors, "options"));
        Assert.Equal(label, Message(errors, "labelFa"));
        errors = await ErrorsAsync(HttpMethod.Post, "/api/v1/custom-fields", new { entity = "contacts", key = "score", type = "number", labelEn = "Score", min = 5, max = 1 });
        Assert.Equal(maxBelowMin, Message(errors, "max"));

        var id = await DefineAsync(tenant, new
        {
            entity = "contacts", key = "tier", type = "singleSelect", labelEn = "Tier",
            options = new[] { new { value = "gold", labelEn = "Gold" }, new { value = "silver", labelEn = "Silver" } },
        });
        errors = await ErrorsAsync(HttpMethod.Patch, $"/api/v1/custom-fields/{id}", new { type = "multiSelect", options = new[] { new { value = "silver" } } });
        Assert.Equal(typeFixed, Message(errors, "type"));
        Assert.Equal(optionRemoved, Message(errors, "options"));
    }

    [Fact]
    public async Task Concurrent_writes_of_one_unique_value_store_it_once()
    {
        var tenant = await app.CreateTenantAsync();
        await DefineAsync(tenant, new { entity = "contacts", key = "code", type = "text", labelEn = "Code", unique = true });
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { lastName = $"R{i}", customFields = new { code = "SAME" } })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created),
            r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Conflict }));
        Assert.Single(await LastNamesAsync(tenant, "cf.code=SAME"));
    }

    [Fact]
    public async Task Archiving_a_field_hides_it_and_keeps_its_values()
    {
        var tenant = await app.CreateTenantAsync();
        var fieldId = await DefineAsync(tenant, new { entity = "companies", key = "tier", type = "money", labelEn = "Deal size", currency = "IRR" });
        var created = await tenant.Admin.PostAsJsonAsync("/api/v1/companies", new { name = "Co", customFields = new { tier = new { amount = "1250000", currency = "IRR" } } });
        await created.ShouldHaveAsync(HttpStatusCode.Created);
        var company = await created.JsonAsync();
        Assert.Equal("1250000", company.GetProperty("customFields").GetProperty("tier").GetProperty("amount").GetString());
        var id = company.GetProperty("id").GetGuid();

        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/custom-fields/{fieldId}", new { archived = true })).ShouldHaveAsync(HttpStatusCode.OK);
        var active = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/custom-fields?entity=companies");
        Assert.Empty(active.GetProperty("items").EnumerateArray());
        Assert.Single((await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/custom-fields?entity=companies&archived=true")).GetProperty("items").EnumerateArray());
        var hidden = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{id}");
        Assert.False(hidden.GetProperty("customFields").TryGetProperty("tier", out _));
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/companies/{id}", new { industry = "Retail" })).ShouldHaveAsync(HttpStatusCode.OK);
        var write = await tenant.Admin.PatchAsJsonAsync($"/api/v1/companies/{id}", new { customFields = new { tier = 5 } });
        Assert.True((await write.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("customFields.tier", out _));

        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/custom-fields/{fieldId}", new { archived = false })).ShouldHaveAsync(HttpStatusCode.OK);
        var back = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/companies/{id}");
        Assert.Equal("1250000", back.GetProperty("customFields").GetProperty("tier").GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Definitions_are_checked_and_keep_their_key_and_type()
    {
        var tenant = await app.CreateTenantAsync();
        var bad = await tenant.Admin.PostAsJsonAsync("/api/v1/custom-fields", new
        {
            entity = "planets", key = "Bad Key", type = "singleSelect", unique = true, min = 5, max = 1,
        });
        var errors = (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "entity", "key", "labelFa", "options", "unique", "min" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");

        var id = await DefineAsync(tenant, new { entity = "contacts", key = "size", type = "number", labelFa = "اندازه" });
        var duplicate = await tenant.Admin.PostAsJsonAsync("/api/v1/custom-fields", new { entity = "contacts", key = "size", type = "text", labelEn = "Size" });
        Assert.True((await duplicate.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("key", out _));
        var retype = await tenant.Admin.PatchAsJsonAsync($"/api/v1/custom-fields/{id}", new { type = "text", key = "size2" });
        var retypeErrors = (await retype.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(retypeErrors.TryGetProperty("type", out _) && retypeErrors.TryGetProperty("key", out _));
        var second = await DefineAsync(tenant, new { entity = "contacts", key = "rank", type = "number", labelEn = "Rank" });
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/custom-fields/{second}", new { order = -1 })).ShouldHaveAsync(HttpStatusCode.OK);
        var listed = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/custom-fields?entity=contacts");
        Assert.Equal(["rank", "size"], listed.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("key").GetString()!));

        var (_, rep) = await tenant.UserWithRoleAsync("sales-rep");
        await (await rep.GetAsync("/api/v1/custom-fields?entity=contacts")).ShouldHaveAsync(HttpStatusCode.OK);
        await (await rep.PostAsJsonAsync("/api/v1/custom-fields", new { entity = "contacts", key = "x", labelEn = "X" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class CustomFieldsApiTestsSqlite(SqliteApp app) : CustomFieldsApiTests(app);

public sealed class CustomFieldsApiTestsPostgres(PostgresApp app) : CustomFieldsApiTests(app);
