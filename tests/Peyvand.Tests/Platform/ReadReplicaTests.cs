using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Tests.Platform;

/// <summary>Heavy reads (reports, exports) take read-only contexts, on the read replica when one is configured.</summary>
public abstract class ReadReplicaTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task A_read_only_context_sees_only_the_callers_organisation_tracks_nothing_and_cannot_save()
    {
        var tenant = await app.CreateTenantAsync();
        var other = await app.CreateTenantAsync();
        var mine = await tenant.CreateAsync("contacts", new { firstName = "Replica", lastName = "Mine" });
        await other.CreateAsync("contacts", new { firstName = "Replica", lastName = "Theirs" });
        var before = await tenant.SnapshotAsync();

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem(tenant.Id);
        var factory = scope.ServiceProvider.GetRequiredService<ReadOnlyDbContextFactory>();
        await using var db = factory.CreateDbContext();

        Assert.False(factory.UsesReplica);
        var contact = Assert.Single(await db.Set<Contact>().ToListAsync());
        Assert.Equal(mine, contact.Id);
        Assert.Equal(EntityState.Detached, db.Entry(contact).State);
        db.Update(contact);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Equal(before, await tenant.SnapshotAsync());
    }

    [Fact]
    public void The_replica_connection_string_is_read_from_ConnectionStrings_PostgresReadReplica()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Peyvand:Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = "Host=primary;Database=peyvand",
            ["ConnectionStrings:PostgresReadReplica"] = "Host=replica;Database=peyvand",
        }).Build();

        var settings = DatabaseSettings.From(configuration, Path.GetTempPath());

        Assert.Equal("Host=replica;Database=peyvand", settings.ReadReplicaConnectionString);
    }
}

public sealed class ReadReplicaTestsSqlite(SqliteApp app) : ReadReplicaTests(app);

public sealed class ReadReplicaTestsPostgres(PostgresApp app) : ReadReplicaTests(app)
{
    [Fact]
    public async Task With_a_replica_configured_reads_go_to_it_in_a_read_only_session()
    {
        var tenant = await app.CreateTenantAsync();
        var mine = await tenant.CreateAsync("contacts", new { firstName = "Replica", lastName = "Read" });
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentUser>().ActAsSystem(tenant.Id);
        var primary = services.GetRequiredService<DatabaseSettings>();
        // The test cluster has no replica: a second connection string to the same database, told apart by its name.
        var replica = new NpgsqlConnectionStringBuilder(primary.ConnectionString) { ApplicationName = "peyvand-replica-test" }.ConnectionString;
        var factory = new ReadOnlyDbContextFactory(primary with { ReadReplicaConnectionString = replica },
            services.GetRequiredService<CurrentUser>(), services.GetRequiredService<ModelContributors>());
        await using var db = factory.CreateDbContext();

        Assert.True(factory.UsesReplica);
        Assert.Equal([mine], await db.Set<Contact>().Select(c => c.Id).ToListAsync());
        Assert.Equal("peyvand-replica-test", await Setting(db, "application_name"));
        Assert.Equal("on", await Setting(db, "default_transaction_read_only"));
        // Even a bulk statement that bypasses SaveChanges is refused by the session.
        await Assert.ThrowsAsync<PostgresException>(() => db.Set<Contact>().ExecuteDeleteAsync());
        Assert.Equal(1, await app.InTenantAsync(tenant.Id, d => d.Set<Contact>().CountAsync()));
    }

    private static Task<string> Setting(PeyvandDbContext db, string name) =>
        db.Database.SqlQuery<string>($"SELECT current_setting({name}) AS \"Value\"").SingleAsync();
}
