using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;
using Peyvand.Identity.Auth;
using Peyvand.Identity.Cli;
using Peyvand.Identity.Domain;
using Peyvand.Identity.Features;
using Peyvand.Kernel.Cli;
using Peyvand.Kernel.CustomFields;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;

namespace Peyvand.Customers.Demo;

/// <summary>
/// <c>seed-demo [--contacts N] [--companies N] [--activities N] [--seed S] [--tenant SLUG]</c>: fills an organisation with
/// bilingual demo customers. Owners are the organisation's users; with fewer than four, demo sales reps are added (through
/// the normal user service). Rows go in by <see cref="BulkInsert"/> (COPY on PostgreSQL): no audit entries.
/// </summary>
public sealed class SeedDemoVerb(
    PeyvandDbContext db, BulkInsert bulk, ResourceService<AppUser, UserWrite, UserView> users,
    ResourceService<CustomFieldDefinition, CustomFieldWrite, CustomFieldView> customFields, TimeProvider clock) : ICliVerb
{
    private const int DemoReps = 3;

    public string Name => "seed-demo";
    public string Usage => "seed-demo [--contacts N] [--companies N] [--activities N] [--seed S] [--tenant SLUG]";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var contacts = args.OptionalInt("contacts") ?? 5000;
        var size = DemoSize.For(contacts, args.OptionalInt("companies"), args.OptionalInt("activities"));
        var seed = args.OptionalInt("seed") ?? 1;
        var tenant = await CliTenant.ResolveAsync(db, args.Optional("tenant"), cancellationToken);
        args.EnsureNoUnknown();

        var watch = Stopwatch.StartNew();
        db.CurrentUser.ActAsSystem(tenant.Id);
        var owners = await OwnersAsync(tenant, output, cancellationToken);
        var regions = await RegionsAsync(output, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var stamp = new BulkStamp(tenant.Id, null, now);
        var generator = new DemoDataGenerator(seed, now, owners, regions);
        var batchSize = db.Database.IsNpgsql() ? 20_000 : 5_000;
        int companies = 0, people = 0, activities = 0, links = 0;
        foreach (var batch in generator.Companies(size.Companies, batchSize))
            companies += await bulk.InsertAsync(batch.Rows, stamp, c => batch.CreatedAt[c.Id], cancellationToken);
        foreach (var batch in generator.Contacts(size.Contacts, size.Activities, batchSize))
        {
            people += await bulk.InsertAsync(batch.Contacts.Rows, stamp, c => batch.Contacts.CreatedAt[c.Id], cancellationToken);
            await bulk.InsertAsync(batch.CompanyLinks, stamp, null, cancellationToken);
            activities += await bulk.InsertAsync(batch.Activities.Rows, stamp, a => batch.Activities.CreatedAt[a.Id], cancellationToken);
            links += await bulk.InsertAsync(batch.Links, stamp, null, cancellationToken);
            if (size.Contacts >= 100_000)
                await output.WriteLineAsync($"  {people:N0} contacts, {activities:N0} activities ({watch.Elapsed.TotalSeconds:F0} s)");
        }
        if (db.Database.IsNpgsql())
        {
            // Minutes at a million rows on a busy machine: well past the default 30-second command timeout.
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(15));
            await db.Database.ExecuteSqlRawAsync("ANALYZE companies, contacts, contact_companies, activities, activity_links", cancellationToken);
        }

        await output.WriteLineAsync(
            $"Seeded {companies:N0} companies, {people:N0} contacts and {activities:N0} activities ({links:N0} links) " +
            $"in {tenant.Slug}, seed {seed}, in {watch.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    // A custom field to fill and filter by (the benchmark's filtered list uses cf.region): made once, through the normal
    // service; an organisation whose own "region" field is something else keeps it, and demo contacts get no region.
    private async Task<IReadOnlyList<(string Value, string Fa, string En)>?> RegionsAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var existing = await db.Set<CustomFieldDefinition>()
            .SingleOrDefaultAsync(d => d.EntityType == CustomersModule.Contacts && d.Key == DemoDataGenerator.RegionField, cancellationToken);
        if (existing is null)
        {
            await customFields.CreateAsync(new CustomFieldWrite(CustomersModule.Contacts, DemoDataGenerator.RegionField, CustomFieldType.SingleSelect,
                "منطقه", "Region", Options: [.. DemoVocabulary.Regions.Select(r => new CustomFieldOptionInput(r.Value, r.Fa, r.En))]), cancellationToken);
            await output.WriteLineAsync($"Created the custom field {DemoDataGenerator.RegionField} on contacts.");
            return DemoVocabulary.Regions;
        }
        if (existing is { Type: CustomFieldType.SingleSelect, Archived: false })
            return [.. existing.Options.Select(o => (o.Value, o.LabelFa, o.LabelEn))];
        return null;
    }

    // The organisation's active users own the records; a fresh install has only its administrator, so add a few reps.
    private async Task<List<Guid>> OwnersAsync(Tenant tenant, TextWriter output, CancellationToken cancellationToken)
    {
        var owners = await db.Set<AppUser>().Where(u => !u.IsDisabled).OrderBy(u => u.CreatedAt).Select(u => u.Id).ToListAsync(cancellationToken);
        if (owners.Count >= DemoReps + 1)
            return owners;
        var rep = await db.Set<Role>().SingleAsync(r => r.BuiltInKey == BuiltInRoles.SalesRep, cancellationToken);
        var password = GeneratedPasswords.New();
        string[] names = ["سارا احمدی", "Reza Karimi", "نیما موسوی"];
        for (var i = owners.Count; i <= DemoReps; i++)
        {
            var email = $"demo-rep-{i}@{tenant.Slug}.demo.invalid";
            var created = await users.CreateAsync(new UserWrite(email, names[(i - 1) % names.Length], [rep.Id], Password: password), cancellationToken);
            owners.Add(created.Id);
            await output.WriteLineAsync($"Created demo sales rep {email}.");
        }
        await output.WriteLineAsync($"Demo reps sign in with password {password}");
        return owners;
    }
}
