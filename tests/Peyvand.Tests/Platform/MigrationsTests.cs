using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Peyvand.Kernel.Data;

namespace Peyvand.Tests.Platform;

/// <summary>Every model change has a migration in this provider's project (eng/add-migration.sh adds to both), and start-up applies them all.</summary>
public abstract class MigrationsTests(PeyvandAppFactory app)
{
    [Fact]
    public async Task The_model_has_no_change_without_a_migration()
    {
        app.RequireDatabase();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes with no {app.Provider} migration; run eng/add-migration.sh <Name> (it adds one to both providers).");
    }

    [Fact]
    public async Task Start_up_applies_every_migration()
    {
        app.RequireDatabase();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PeyvandDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }
}

public sealed class MigrationsTestsSqlite(SqliteApp app) : MigrationsTests(app);

public sealed class MigrationsTestsPostgres(PostgresApp app) : MigrationsTests(app);
