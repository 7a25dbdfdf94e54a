using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Peyvand.Bench;
using Peyvand.Kernel.Data;

namespace Peyvand.Tests.Platform;

/// <summary>
/// What a single-record read costs the database (issue 5.2, docs/performance.md): once the node has seen the caller and
/// the organisation's custom fields, <c>GET /api/v1/contacts/{id}</c> is one round trip, as the same read through raw
/// Npgsql is. The clock stands still here, so the caches' few seconds never run out during the test; a change to a
/// definition must still show at once on this node.
/// </summary>
public abstract class ReadPathTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string CountHeader = "X-Test-Count-Commands";
    private readonly CommandCounter _counter = new();
    private PeyvandAppFactory _app = null!;

    protected PeyvandAppFactory App => _app;

    public async ValueTask InitializeAsync()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        _app = new PeyvandAppFactory(provider, services: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddHttpContextAccessor();
            s.AddSingleton<IInterceptor>(sp => _counter.For(sp.GetRequiredService<IHttpContextAccessor>()));
        });
        await _app.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Reading_a_contact_by_id_is_one_database_round_trip_once_the_caller_and_custom_fields_are_known()
    {
        var tenant = await _app.CreateTenantAsync();
        await tenant.CreateAsync("custom-fields", new { entity = "contacts", key = "region", type = "text", labelEn = "Region" });
        var id = await tenant.CreateAsync("contacts", new { lastName = "Counted", customFields = new { region = "north" } });
        await (await tenant.Admin.GetAsync($"/api/v1/contacts/{id}")).ShouldHaveAsync(HttpStatusCode.OK);

        var (response, commands) = await CountedGetAsync(tenant, $"/api/v1/contacts/{id}");

        await response.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.NotNull(response.ETag());
        Assert.Equal("north", (await response.JsonAsync()).GetProperty("customFields").GetProperty("region").GetString());
        Assert.Single(commands);
    }

    // Without a length Kestrel sends the JSON chunked: the body, then the closing chunk in a second write on the socket.
    // (Headers only: once HttpClient has buffered a body it reports the buffer's length whatever the server sent.)
    [Fact]
    public async Task A_record_is_sent_with_its_length_whether_read_created_or_changed()
    {
        var tenant = await _app.CreateTenantAsync();
        using var created = await SendAsync(tenant, HttpMethod.Post, "/api/v1/contacts", """{"lastName":"اندازه","firstName":"سارا"}""", "application/json");
        await created.ShouldHaveAsync(HttpStatusCode.Created);
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];
        using var read = await SendAsync(tenant, HttpMethod.Get, $"/api/v1/contacts/{id}");
        using var changed = await SendAsync(tenant, HttpMethod.Patch, $"/api/v1/contacts/{id}", """{"jobTitle":"مدیر"}""", "application/merge-patch+json");
        await changed.ShouldHaveAsync(HttpStatusCode.OK);

        foreach (var response in new[] { created, read, changed })
        {
            var announced = response.Content.Headers.ContentLength;
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(body.Length, announced);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.ETag());
        }
        Assert.Equal("مدیر", (await changed.JsonAsync()).GetProperty("jobTitle").GetString());
    }

    private static Task<HttpResponseMessage> SendAsync(TestTenant tenant, HttpMethod method, string url, string? json = null, string? mediaType = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null)
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, mediaType!);
        return tenant.Admin.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    [Fact]
    public async Task A_custom_field_defined_after_a_read_is_in_the_very_next_read()
    {
        var tenant = await _app.CreateTenantAsync();
        var id = await tenant.CreateAsync("contacts", new { lastName = "Before" });
        await (await tenant.Admin.GetAsync($"/api/v1/contacts/{id}")).ShouldHaveAsync(HttpStatusCode.OK); // definitions cached: none

        await tenant.CreateAsync("custom-fields", new { entity = "contacts", key = "tier", type = "text", labelEn = "Tier" });
        var read = await (await tenant.Admin.GetAsync($"/api/v1/contacts/{id}")).JsonAsync();
        var patched = await tenant.Admin.PatchJsonAsync($"/api/v1/contacts/{id}", new { customFields = new { tier = "gold" } });
        var after = await tenant.Admin.GetAsync($"/api/v1/contacts/{id}");

        Assert.Empty(read.GetProperty("customFields").EnumerateObject());
        await patched.ShouldHaveAsync(HttpStatusCode.OK);
        await after.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal("gold", (await after.JsonAsync()).GetProperty("customFields").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task The_compiled_read_by_id_applies_the_organisation_deletion_and_visibility_of_each_caller()
    {
        var tenant = await _app.CreateTenantAsync();
        var other = await _app.CreateTenantAsync();
        var (_, rep) = await tenant.UserWithRoleAsync("sales-rep"); // sees only their teams' records
        var company = await tenant.CreateAsync("companies", new { name = "Linked Co" });
        var id = await tenant.CreateAsync("contacts", new { lastName = "Compiled", companies = new[] { new { companyId = company, role = "CEO", primary = true } } });
        var deleted = await tenant.CreateAsync("contacts", new { lastName = "Gone" });
        await (await tenant.Admin.DeleteAsync($"/api/v1/contacts/{deleted}")).ShouldHaveAsync(HttpStatusCode.NoContent);

        var mine = await tenant.Admin.GetAsync($"/api/v1/contacts/{id}");
        var theirs = await other.Admin.GetAsync($"/api/v1/contacts/{id}");
        var hidden = await rep.GetAsync($"/api/v1/contacts/{id}");
        var gone = await tenant.Admin.GetAsync($"/api/v1/contacts/{deleted}");
        var mineAgain = await tenant.Admin.GetAsync($"/api/v1/contacts/{id}"); // the same compiled query, after the others

        await mine.ShouldHaveAsync(HttpStatusCode.OK);
        var link = Assert.Single((await mine.JsonAsync()).GetProperty("companies").EnumerateArray());
        Assert.Equal(company, link.GetProperty("companyId").GetGuid());
        Assert.Equal("CEO", link.GetProperty("role").GetString());
        await theirs.ShouldHaveAsync(HttpStatusCode.NotFound);
        await hidden.ShouldHaveAsync(HttpStatusCode.NotFound);
        await gone.ShouldHaveAsync(HttpStatusCode.NotFound);
        await mineAgain.ShouldHaveAsync(HttpStatusCode.OK);
    }

    /// <summary>The request's response and the text of every command EF sent while serving it.</summary>
    protected async Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> CountedGetAsync(TestTenant tenant, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(CountHeader, "1");
        _counter.Reset();
        var response = await tenant.Admin.SendAsync(request);
        return (response, _counter.Commands);
    }

    /// <summary>Records the commands EF sends while serving requests that carry <see cref="CountHeader"/>.</summary>
    private sealed class CommandCounter
    {
        private readonly List<string> _commands = [];

        public IReadOnlyList<string> Commands
        {
            get { lock (_commands) return [.. _commands]; }
        }

        public void Reset()
        {
            lock (_commands) _commands.Clear();
        }

        public IInterceptor For(IHttpContextAccessor http) => new Interceptor(this, http);

        private sealed class Interceptor(CommandCounter counter, IHttpContextAccessor http) : DbCommandInterceptor
        {
            public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
            {
                if (http.HttpContext?.Request.Headers.ContainsKey(CountHeader) == true)
                    lock (counter._commands) counter._commands.Add(result.CommandText);
                return result;
            }
        }
    }
}

public sealed class ReadPathTestsSqlite() : ReadPathTests(DatabaseProvider.Sqlite);

public sealed class ReadPathTestsPostgres() : ReadPathTests(DatabaseProvider.Postgres)
{
    /// <summary>
    /// Issue 5.2's ratio divides by the raw Npgsql read of bench/, which sends the statement the app sends (ADR 0014):
    /// when the model or the compiled read changes, this fails until RawContactRead.AppSql is updated with it.
    /// </summary>
    [Fact]
    public async Task The_benchmarks_raw_read_sends_the_apps_statement_and_finds_the_same_contact()
    {
        var tenant = await App.CreateTenantAsync();
        var company = await tenant.CreateAsync("companies", new { name = "Raw Co" });
        var id = await tenant.CreateAsync("contacts", new { lastName = "Raw", companies = new[] { new { companyId = company, primary = true } } });
        await (await tenant.Admin.GetAsync($"/api/v1/contacts/{id}")).ShouldHaveAsync(HttpStatusCode.OK);

        var (response, commands) = await CountedGetAsync(tenant, $"/api/v1/contacts/{id}");
        await using var database = NpgsqlDataSource.Create(App.ConnectionString!);
        var raw = RawContactRead.AsTheApp(database, await RawContactRead.TenantOfAsync(database, id));
        var rows = await raw.ReadAsync(id, TestContext.Current.CancellationToken);
        var elsewhere = RawContactRead.AsTheApp(database, (await App.CreateTenantAsync()).Id);

        await response.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(Normalised(RawContactRead.AppSql), Normalised(Assert.Single(commands)));
        var row = Assert.Single(rows); // the contact joined with its one company link
        Assert.Equal(id, row[0]);
        Assert.Contains(company, row.OfType<Guid>());
        Assert.Empty(await elsewhere.ReadAsync(id, TestContext.Current.CancellationToken));
    }

    // EF names its parameters (@id), the bench numbers them ($3); layout aside, the statements must be the same.
    private static string Normalised(string sql) =>
        Regex.Replace(Regex.Replace(sql, @"[@$]\w+", "?"), @"\s+", " ").Trim();
}
