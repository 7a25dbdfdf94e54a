using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Customers.Demo;
using Peyvand.Customers.Domain;
using Peyvand.Customers.Features;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Domain;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Tenancy;
using Peyvand.Kernel.Text;
using Peyvand.Web.Cli;

namespace Peyvand.Tests.Customers;

public sealed class DemoDataGeneratorTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_same_seed_gives_the_same_data_and_another_seed_other_data()
    {
        static List<string> Names(int seed)
        {
            var generator = new DemoDataGenerator(seed, Now, [Guid.Empty]);
            _ = generator.Companies(20, 100).ToList();
            return generator.Contacts(50, 100, 100).SelectMany(b => b.Contacts.Rows)
                .Select(c => $"{c.FullName}|{c.PrimaryPhone}|{c.PrimaryEmail}|{c.NationalId}").ToList();
        }

        Assert.Equal(Names(7), Names(7));
        Assert.NotEqual(Names(7), Names(8));
    }

    [Fact]
    public void Phones_and_national_ids_pass_the_same_validation_as_typed_input()
    {
        var generator = new DemoDataGenerator(1, Now, [Guid.Empty]);
        for (var i = 0; i < 2000; i++)
        {
            var mobile = generator.Mobile();
            Assert.Equal(mobile, Phones.ToE164("0" + mobile[3..]));
            var landline = generator.Landline(i % DemoVocabulary.Cities.Length);
            Assert.Equal(landline, Phones.ToE164(landline));
            var nationalId = generator.NationalId();
            Assert.Equal(nationalId, IranianNationalId.Normalize(nationalId));
        }
    }

    [Fact]
    public void Contacts_are_bilingual_and_linked_to_companies_owners_and_two_years_of_activities()
    {
        Guid[] owners = [Guid.CreateVersion7(), Guid.CreateVersion7()];
        var generator = new DemoDataGenerator(3, Now, owners);
        var companies = generator.Companies(100, 1000).Single().Rows;
        var batch = generator.Contacts(1000, 5000, 1000).Single();
        var contacts = batch.Contacts.Rows;

        Assert.InRange(contacts.Count(c => c.FirstName.Any(ch => ch >= '\u0600')), 450, 750);
        Assert.InRange(contacts.Count(c => c.FirstName.All(char.IsAscii)), 250, 550);
        Assert.All(contacts, c => Assert.Contains(c.OwnerId!.Value, owners));
        Assert.All(contacts, c => Assert.Equal(ContactResource.SearchTextOf(c), c.SearchText));
        Assert.InRange(contacts.Count(c => c.CompanyId is not null), 600, 800);
        Assert.All(contacts.Where(c => c.CompanyId is not null), c => Assert.Contains(companies, co => co.Id == c.CompanyId));
        Assert.InRange(batch.Activities.Rows.Count, 4000, 6000);
        Assert.All(batch.Activities.Rows, a => Assert.InRange(a.OccurredAt, Now.AddDays(-731), Now.AddDays(31)));
        Assert.Equal(4, batch.Activities.Rows.Select(a => a.Kind).Distinct().Count());
        Assert.All(batch.Activities.Rows, a => Assert.Contains(batch.Links, l => l.ActivityId == a.Id && l.EntityType == "contact"));
    }
}

/// <summary>seed-demo through the CLI dispatcher, on each database: the rows are what the API itself would write.</summary>
public abstract class DemoDataTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task Seed_demo_fills_an_organisation_with_rows_the_api_reads_and_would_write_identically()
    {
        var tenant = await app.CreateTenantAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliDispatcher.RunAsync(["seed-demo", "--contacts", "300", "--tenant", tenant.Slug, "--seed", "5"], output, error, new Dictionary<string, string?>
        {
            ["Peyvand:DataDir"] = app.DataDir,
            ["Peyvand:Database:Provider"] = app.Provider.ToString(),
            ["ConnectionStrings:Postgres"] = app.ConnectionString,
        });

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("Seeded 60 companies, 300 contacts", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(300, await tenant.CountAsync<Contact>());
        Assert.InRange(await tenant.CountAsync<Activity>(), 1000, 2000);

        var page = await tenant.Admin.GetAsync("/api/v1/contacts?limit=200&sort=-createdAt");
        await page.ShouldHaveAsync(HttpStatusCode.OK);
        Assert.Equal(200, (await page.JsonAsync()).GetProperty("items").GetArrayLength());
        var persian = await tenant.Admin.GetAsync("/api/v1/contacts?q=" + Uri.EscapeDataString("محمدي")); // Arabic ye finds Persian
        Assert.NotEqual(0, (await persian.JsonAsync()).GetProperty("items").GetArrayLength());

        await AssertResavingChangesOnlyStampsAsync<Contact, ContactWrite, ContactView>(tenant.Id);
        await AssertResavingChangesOnlyStampsAsync<Company, CompanyWrite, CompanyView>(tenant.Id);
        await AssertResavingChangesOnlyStampsAsync<Activity, ActivityWrite, ActivityView>(tenant.Id);
    }

    // Each record saved again through the service (validation, normalisation, search text) must come out the same.
    private async Task AssertResavingChangesOnlyStampsAsync<TEntity, TWrite, TView>(Guid tenantId)
        where TEntity : class, ITracked
        where TWrite : class
    {
        List<Guid> ids = await app.InTenantAsync(tenantId, db => db.Set<TEntity>().OrderBy(e => e.Id).Select(e => e.Id).Take(25).ToListAsync());
        foreach (var id in ids)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenantId);
            var service = scope.ServiceProvider.GetRequiredService<ResourceService<TEntity, TWrite, TView>>();
            var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
            var before = Snapshot(await service.Definition.Including(db.Set<TEntity>()).AsNoTracking().SingleAsync(e => e.Id == id));
            await service.UpdateAsync(id, await service.GetForEditAsync(id, CancellationToken.None), null, CancellationToken.None);
            db.ChangeTracker.Clear();
            var after = Snapshot(await service.Definition.Including(db.Set<TEntity>()).AsNoTracking().SingleAsync(e => e.Id == id));
            Assert.True(JsonNode.DeepEquals(before, after), $"{typeof(TEntity).Name} {id}:\n{before}\n{after}");
        }
    }

    private static JsonObject Snapshot(object entity)
    {
        var json = JsonSerializer.SerializeToNode(entity, entity.GetType(), PeyvandJson.Options)!.AsObject();
        foreach (var stamp in new[] { "updatedAt", "updatedBy", "version", "domainEvents" })
            json.Remove(stamp);
        return json;
    }
}

public sealed class DemoDataTestsSqlite(SqliteApp app) : DemoDataTests(app);

public sealed class DemoDataTestsPostgres(PostgresApp app) : DemoDataTests(app);
