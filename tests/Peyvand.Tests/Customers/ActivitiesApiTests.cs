using System.Net;
using System.Text.Json;

namespace Peyvand.Tests.Customers;

public abstract class ActivitiesApiTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task A_note_renders_its_markdown_as_safe_html()
    {
        var tenant = await app.CreateTenantAsync();
        var contact = await tenant.CreateAsync("contacts", new { lastName = "Moradi" });
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/activities", new
        {
            kind = "note",
            body = "**مهم**: پیش‌فاکتور را بفرستید <script>alert(1)</script> [link](javascript:alert(2))",
            contactIds = new[] { contact },
        });
        await response.ShouldHaveAsync(HttpStatusCode.Created);
        var html = (await response.JsonAsync()).GetProperty("bodyHtml").GetString()!;
        Assert.Contains("<strong>مهم</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Each_kind_checks_what_it_needs()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var theirContact = await other.CreateAsync("contacts", new { lastName = "Theirs" });

        async Task ExpectFieldError(object body, string field)
        {
            var problem = await (await tenant.Admin.PostAsJsonAsync("/api/v1/activities", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {problem}");
        }

        await ExpectFieldError(new { kind = "note", body = "  " }, "body");
        await ExpectFieldError(new { kind = "task" }, "subject");
        await ExpectFieldError(new { kind = "call", subject = "Intro" }, "direction");
        await ExpectFieldError(new { kind = "meeting", subject = "Demo", startAt = "2026-12-01T10:00:00Z", endAt = "2026-12-01T09:00:00Z" }, "endAt");
        await ExpectFieldError(new { kind = "note", body = "x", contactIds = new[] { theirContact } }, "contactIds");
    }

    [Fact]
    public async Task My_day_lists_open_tasks_due_today_or_overdue_and_drops_them_when_done()
    {
        var tenant = await app.CreateTenantAsync();
        var now = DateTime.UtcNow;
        var overdue = await tenant.CreateAsync("activities", new { kind = "task", subject = "Overdue", dueAt = now.AddDays(-2) });
        var dueNow = await tenant.CreateAsync("activities", new { kind = "task", subject = "Due now", dueAt = now });
        await tenant.CreateAsync("activities", new { kind = "task", subject = "Next week", dueAt = now.AddDays(7) });
        await tenant.CreateAsync("activities", new { kind = "task", subject = "Someday" });

        var myDay = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/activities/my-day");
        Assert.Equal([overdue, dueNow], myDay.EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));

        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/activities/{overdue}", new { done = true })).ShouldHaveAsync(HttpStatusCode.OK);
        myDay = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/activities/my-day");
        Assert.Equal([dueNow], myDay.EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));
        var open = await tenant.Admin.GetFromJsonAsync<JsonElement>("/api/v1/activities?open=true");
        Assert.Equal(3, open.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_contacts_timeline_merges_activities_and_field_changes_newest_first()
    {
        var tenant = await app.CreateTenantAsync();
        var contact = await tenant.CreateAsync("contacts", new { firstName = "Nasrin", lastName = "Azadi" });
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{contact}", new { lifecycleStage = "customer" })).ShouldHaveAsync(HttpStatusCode.OK);
        await tenant.CreateAsync("activities", new { kind = "call", subject = "First call", direction = "outbound", durationSeconds = 300, contactIds = new[] { contact }, occurredAt = DateTime.UtcNow.AddMinutes(1) });
        await tenant.CreateAsync("activities", new { kind = "note", body = "Prefers email", contactIds = new[] { contact }, occurredAt = DateTime.UtcNow.AddMinutes(2) });
        await tenant.CreateAsync("activities", new { kind = "note", body = "Unrelated" });

        var timeline = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}/timeline");
        var items = timeline.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["note", "call", "change", "change"], items.Select(i => i.GetProperty("type").GetString()!));
        Assert.Equal("update", items[2].GetProperty("title").GetString());
        Assert.Contains("lifecycleStage", items[2].GetProperty("summary").GetString(), StringComparison.Ordinal);
        var times = items.Select(i => i.GetProperty("at").GetDateTime()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);

        var notes = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}/timeline?types=note");
        Assert.Single(notes.GetProperty("items").EnumerateArray());
        await (await tenant.Admin.GetAsync($"/api/v1/contacts/{contact}/timeline?types=bogus")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var paged = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}/timeline?limit=2");
        Assert.Equal(2, paged.GetProperty("items").GetArrayLength());
        var before = paged.GetProperty("nextBefore").GetDateTime();
        var rest = await tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact}/timeline?before={before:O}");
        Assert.Equal(["change", "change"], rest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("type").GetString()!));
    }

    [Theory]
    [InlineData("en-US", "Lifecycle stage", "Owner", "Customer tier")]
    [InlineData("fa-IR", "مرحله چرخه عمر", "مسئول", "سطح مشتری")]
    public async Task Timeline_field_changes_carry_labels_in_the_callers_language_and_split_custom_fields(
        string language, string stageLabel, string ownerLabel, string tierLabel)
    {
        var tenant = await app.CreateTenantAsync();
        await tenant.CreateAsync("custom-fields", new
        {
            entity = "contacts", key = "tier", type = "singleSelect", labelFa = "سطح مشتری", labelEn = "Customer tier",
            options = new[] { new { value = "gold", labelEn = "Gold" }, new { value = "silver", labelEn = "Silver" } },
        });
        await tenant.CreateAsync("custom-fields", new { entity = "contacts", key = "score", type = "number", labelEn = "Score" });
        var contact = await tenant.CreateAsync("contacts", new { lastName = "Azadi", customFields = new { tier = "gold", score = 3 } });
        var (me, _) = await tenant.UserWithRoleAsync("sales-rep");
        await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{contact}",
            new { lifecycleStage = "customer", ownerId = me, customFields = new { tier = "silver" } })).ShouldHaveAsync(HttpStatusCode.OK);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/contacts/{contact}/timeline?types=change");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await tenant.Admin.SendAsync(request);
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        var update = (await response.JsonAsync()).GetProperty("items").EnumerateArray().First(i => i.GetProperty("title").GetString() == "update");
        var fields = update.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!);
        Assert.Equal(stageLabel, fields["lifecycleStage"].GetProperty("label").GetString());
        Assert.Equal("lead", fields["lifecycleStage"].GetProperty("before").GetString());
        Assert.Equal("customer", fields["lifecycleStage"].GetProperty("after").GetString());
        Assert.Equal(ownerLabel, fields["ownerId"].GetProperty("label").GetString());
        // Only the custom field that changed, under its own key and label; the unchanged one is not listed.
        Assert.Equal(tierLabel, fields["customFields.tier"].GetProperty("label").GetString());
        Assert.Equal("gold", fields["customFields.tier"].GetProperty("before").GetString());
        Assert.Equal("silver", fields["customFields.tier"].GetProperty("after").GetString());
        Assert.False(fields.ContainsKey("customFields.score"));
        Assert.False(fields.ContainsKey("customFields"));
        Assert.Contains("customFields.tier", update.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }
}

public sealed class ActivitiesApiTestsSqlite(SqliteApp app) : ActivitiesApiTests(app);

public sealed class ActivitiesApiTestsPostgres(PostgresApp app) : ActivitiesApiTests(app);

public abstract class CalendarTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task A_meeting_exports_as_an_icalendar_event()
    {
        var tenant = await app.CreateTenantAsync();
        var meeting = await tenant.CreateAsync("activities", new
        {
            kind = "meeting", subject = "جلسه معرفی محصول", location = "Tehran office",
            startAt = "2026-12-01T06:30:00Z", endAt = "2026-12-01T07:30:00Z",
        });
        var response = await tenant.Admin.GetAsync($"/api/v1/activities/{meeting}/calendar.ics");
        await response.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261201T063000Z", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:جلسه معرفی محصول", ics, StringComparison.Ordinal);

        var note = await tenant.CreateAsync("activities", new { kind = "note", body = "Not a calendar item" });
        await (await tenant.Admin.GetAsync($"/api/v1/activities/{note}/calendar.ics")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_private_feed_link_serves_the_users_meetings_and_tasks_until_replaced()
    {
        var tenant = await app.CreateTenantAsync();
        await tenant.CreateAsync("activities", new { kind = "meeting", subject = "Board", startAt = DateTime.UtcNow.AddDays(1), endAt = DateTime.UtcNow.AddDays(1).AddHours(1) });
        await tenant.CreateAsync("activities", new { kind = "task", subject = "Send quote", dueAt = DateTime.UtcNow.AddDays(2) });
        await tenant.CreateAsync("activities", new { kind = "note", body = "Not in calendars" });

        var link = (await (await tenant.Admin.PostAsync("/api/v1/activities/calendar-feed", null)).JsonAsync()).GetProperty("url").GetString()!;
        using var anonymous = app.ApiClient(null);
        var feed = await anonymous.GetStringAsync(new Uri(link).PathAndQuery);
        Assert.Contains("SUMMARY:Board", feed, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Send quote", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("Not in calendars", feed, StringComparison.Ordinal);

        await tenant.Admin.PostAsync("/api/v1/activities/calendar-feed", null);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(link).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/pvc_forged.ics")).StatusCode);
    }
}

public sealed class CalendarTestsSqlite(SqliteApp app) : CalendarTests(app);

public sealed class CalendarTestsPostgres(PostgresApp app) : CalendarTests(app);
