using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Data;

namespace Peyvand.Tests.Platform;

/// <summary>
/// Another save lands between a PATCH's read and its write (the test makes one, on cue). Without If-Match the client
/// asked for its fields on whatever is current, so the patch is applied again to the newer row and both changes stay;
/// with If-Match it is the 412 it always was, and nothing of the patch is written.
/// </summary>
public abstract class ConcurrentPatchTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string RaceHeader = "X-Test-Race";
    private PeyvandAppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new PeyvandAppFactory(provider, services: s =>
        {
            s.AddHttpContextAccessor();
            s.AddSingleton<IInterceptor>(sp => new RacingSave(sp.GetRequiredService<IHttpContextAccessor>()));
        });
        await _app.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_patch_without_IfMatch_is_applied_to_the_row_another_save_just_wrote()
    {
        var tenant = await _app.CreateTenantAsync();
        var id = await tenant.CreateAsync("contacts", new { firstName = "Sara", lastName = "Before" });

        var response = await tenant.Admin.SendAsync(Raced($"/api/v1/contacts/{id}", new { lastName = "Patched" }, ifMatch: null));

        await response.ShouldHaveAsync(HttpStatusCode.OK);
        var read = await (await tenant.Admin.GetAsync($"/api/v1/contacts/{id}")).JsonAsync();
        Assert.Equal("Patched", read.GetProperty("lastName").GetString());
        Assert.Equal(RacingSave.TheirJobTitle, read.GetProperty("jobTitle").GetString()); // the other save's change stays
    }

    [Fact]
    public async Task A_patch_with_IfMatch_that_loses_the_race_is_412_and_writes_nothing()
    {
        var tenant = await _app.CreateTenantAsync();
        var created = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { firstName = "Sara", lastName = "Before" });
        await created.ShouldHaveAsync(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        var response = await tenant.Admin.SendAsync(Raced($"/api/v1/contacts/{id}", new { lastName = "Patched" }, created.ETag()));

        await response.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var read = await (await tenant.Admin.GetAsync($"/api/v1/contacts/{id}")).JsonAsync();
        Assert.Equal("Before", read.GetProperty("lastName").GetString());
        Assert.Equal(RacingSave.TheirJobTitle, read.GetProperty("jobTitle").GetString());
    }

    private static HttpRequestMessage Raced(string url, object patch, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url)
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(patch), System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.Add(RaceHeader, "1");
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    /// <summary>On the first save of a request carrying the race header, another writer changes the contact first.</summary>
    private sealed class RacingSave(IHttpContextAccessor http) : SaveChangesInterceptor
    {
        public const string TheirJobTitle = "Changed by someone else";

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var context = http.HttpContext;
            if (context is null || !context.Request.Headers.ContainsKey(RaceHeader) || context.Items.ContainsKey(RaceHeader)
                || eventData.Context!.ChangeTracker.Entries<Contact>().FirstOrDefault(e => e.State == EntityState.Modified) is not { } entry)
                return result;
            context.Items[RaceHeader] = true;
            var type = entry.Metadata;
            string Column(string property) => type.FindProperty(property)!.GetColumnName();
            // Names from the model (snake_case on PostgreSQL), values as parameters.
            var version = Column(nameof(Contact.Version));
            var sql = "UPDATE \"" + type.GetTableName() + "\" SET \"" + Column(nameof(Contact.JobTitle)) + "\" = {0}, \"" + version + "\" = \""
                + version + "\" + 1 WHERE \"" + Column(nameof(Contact.Id)) + "\" = {1}";
            await eventData.Context.Database.ExecuteSqlRawAsync(sql, [TheirJobTitle, entry.Entity.Id], cancellationToken);
            return result;
        }
    }
}

public sealed class ConcurrentPatchTestsSqlite() : ConcurrentPatchTests(DatabaseProvider.Sqlite);

public sealed class ConcurrentPatchTestsPostgres() : ConcurrentPatchTests(DatabaseProvider.Postgres);
