using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Tests.Platform;

/// <summary>
/// Contexts are pooled (docs/adr/0009-pooled-dbcontext.md): a context one request used for one organisation is handed
/// to a later request, perhaps of another organisation. It must arrive with nothing of the first: not its user (the
/// query filters read the new scope's), not its tracked entities, and a context from the pool that no scope has
/// handed a user must refuse to query at all rather than run unfiltered.
/// </summary>
public abstract class PooledContextTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task A_pooled_context_reused_by_another_organisation_never_shows_the_first_ones_data()
    {
        var first = await app.CreateTenantAsync();
        var second = await app.CreateTenantAsync();
        var theirs = await first.CreateAsync("contacts", new { lastName = "FirstOrgSecret" });
        var ours = await second.CreateAsync("contacts", new { lastName = "SecondOrgOwn" });

        // The first organisation's request: reads (and tracks) its contact, then ends, returning the context to the pool.
        Guid instance;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(first.Id, first.AdminUserId);
            var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
            Assert.Equal("FirstOrgSecret", (await db.Set<Contact>().SingleAsync(c => c.Id == theirs)).LastName);
            Assert.NotEmpty(db.ChangeTracker.Entries());
            instance = db.ContextId.InstanceId;
        }

        // Later requests of the second organisation: the pool hands out its contexts in turn, so within a few leases one
        // of them is that very context. Every lease, that one included, sees the second organisation only.
        var reused = false;
        for (var lease = 0; lease < 2000 && !reused; lease++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(second.Id, second.AdminUserId);
            var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();
            if (db.ContextId.InstanceId != instance)
                continue;
            reused = true;

            Assert.Same(scope.ServiceProvider.GetRequiredService<CurrentUser>(), db.CurrentUser);
            Assert.Empty(db.ChangeTracker.Entries());
            Assert.Null(await db.Set<Contact>().FindAsync(theirs)); // Find looks in the change tracker first
            Assert.Null(await db.Set<Contact>().IgnoreQueryFilters([PeyvandDbContext.SoftDeleteFilter])
                .FirstOrDefaultAsync(c => c.Id == theirs));
            var visible = await db.Set<Contact>().Select(c => c.Id).ToListAsync();
            Assert.Equal(new[] { ours }, visible);
        }
        Assert.True(reused, "the first organisation's context never came back from the pool (is the context still pooled?)");

        // And over HTTP, after both organisations' requests have gone through the same pool.
        await (await second.Admin.GetAsync($"/api/v1/contacts/{theirs}")).ShouldHaveAsync(System.Net.HttpStatusCode.NotFound);
        await (await first.Admin.GetAsync($"/api/v1/contacts/{theirs}")).ShouldHaveAsync(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_context_taken_from_the_pool_without_a_scope_refuses_to_query()
    {
        var tenant = await app.CreateTenantAsync();
        await tenant.CreateAsync("contacts", new { lastName = "NotForStrays" });
        var pool = app.Services.GetRequiredService<PooledDbContextFactory<PeyvandDbContext>>();

        await using var stray = pool.CreateDbContext();

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => stray.Set<Contact>().ToListAsync());
        Assert.Throws<InvalidOperationException>(() => stray.CurrentUser);
    }

    [Fact]
    public async Task A_context_given_back_to_the_pool_forgets_its_user()
    {
        var tenant = await app.CreateTenantAsync();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenant.Id);
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PeyvandDbContext>>();
        var db = contexts.CreateDbContext();
        Assert.True(db.CurrentUser.IsSystem);
        Assert.Equal(tenant.Id, db.CurrentUser.TenantId);

        await db.DisposeAsync();

        Assert.Throws<InvalidOperationException>(() => db.CurrentUser);
    }
}

public sealed class PooledContextTestsSqlite(SqliteApp app) : PooledContextTests(app);

public sealed class PooledContextTestsPostgres(PostgresApp app) : PooledContextTests(app);
