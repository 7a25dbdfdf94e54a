using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Peyvand.Identity.Auth;
using Peyvand.Identity.Domain;
using Peyvand.Identity.Features;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;

namespace Peyvand.Web.Hosting;

public sealed class BootstrapOptions
{
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    public string OrganisationName { get; set; } = "Peyvand";
}

/// <summary>Applies migrations, brings built-in roles up to date and, on a first start, creates the default organisation.</summary>
public sealed class DatabaseInitializer(
    PeyvandDbContext db, SyncBuiltInRoles syncRoles, TenantProvisioning provisioning,
    IOptions<BootstrapOptions> bootstrap, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        var changed = await syncRoles.RunAsync(cancellationToken);
        if (changed > 0)
            logger.LogInformation("Gave {Count} built-in roles their defaults for new resources", changed);
    }

    /// <summary>Creates the first organisation and administrator; returns the generated password when none was configured.</summary>
    public async Task<string?> BootstrapAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Tenant>().AnyAsync(cancellationToken))
            return null;
        var options = bootstrap.Value;
        var email = string.IsNullOrWhiteSpace(options.AdminEmail) ? "admin@peyvand.local" : options.AdminEmail;
        var generated = string.IsNullOrEmpty(options.AdminPassword) ? GeneratedPasswords.New() : null;
        try
        {
            var created = await provisioning.CreateAsync(options.OrganisationName, "default", email, options.AdminPassword ?? generated!, cancellationToken);
            if (generated is not null)
            {
                // A printed password is a temporary one: the first sign-in asks for a real one and the organisation's basics.
                created.Administrator.FirstRunPending = true;
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is ConflictException || (ex is DbUpdateException update && DatabaseErrors.IsUniqueViolation(update)))
        {
            // Another node, started on the same empty database at the same moment, made the first organisation.
            logger.LogInformation("The first organisation was created by another node");
            return null;
        }
        return generated;
    }
}

/// <summary>Runs the initializer before the server takes requests, and prints a generated admin password once.</summary>
public sealed class StartupInitializer(IServiceScopeFactory scopes, IOptions<BootstrapOptions> bootstrap, ILogger<StartupInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.MigrateAsync(cancellationToken);
        var password = await initializer.BootstrapAsync(cancellationToken);
        if (password is not null)
        {
            var email = string.IsNullOrWhiteSpace(bootstrap.Value.AdminEmail) ? "admin@peyvand.local" : bootstrap.Value.AdminEmail;
            // Printed once, to the console only: it is not stored anywhere in clear.
            await Console.Out.WriteLineAsync($"Peyvand: created administrator {email} with password: {password}");
            logger.LogWarning("Created the first administrator {Email}; the generated password was printed to the console", email);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Ready only when no migration is pending: a node on an old schema must not take traffic.</summary>
public sealed class MigrationsHealthCheck(PeyvandDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        return pending.Any() ? HealthCheckResult.Unhealthy("Migrations pending.") : HealthCheckResult.Healthy();
    }
}
