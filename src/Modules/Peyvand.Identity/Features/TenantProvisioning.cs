using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Identity.Features;

/// <summary>Creates an organisation with the built-in roles and its first administrator, all or nothing.</summary>
public sealed partial class TenantProvisioning(
    PeyvandDbContext db, PermissionCatalog catalog, ResourceService<AppUser, UserWrite, UserView> users, TimeProvider clock,
    IEnumerable<ITenantSeeder> seeders)
{
    public sealed record Result(Tenant Tenant, AppUser Administrator);

    public async Task<Result> CreateAsync(string name, string? slug, string adminEmail, string adminPassword, CancellationToken cancellationToken)
    {
        name = name.Trim();
        slug = string.IsNullOrWhiteSpace(slug) ? Slugify(name) : slug.Trim().ToLowerInvariant();
        var errors = new Dictionary<string, List<string>>();
        if (name.Length is 0 or > Tenant.MaxNameLength)
            Validation.Add(errors, "name", IdentityText.TenantName(Tenant.MaxNameLength));
        if (!SlugPattern().IsMatch(slug))
            Validation.Add(errors, "slug", IdentityText.TenantSlug);
        if (errors.Count > 0)
            throw new InvalidInputException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        if (await db.Set<Tenant>().AnyAsync(t => t.Slug == slug, cancellationToken))
            throw new ConflictException(IdentityText.SlugTaken(slug));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tenant = new Tenant(name, slug, clock.GetUtcNow().UtcDateTime);
        db.Add(tenant);
        await db.SaveChangesAsync(cancellationToken);

        db.CurrentUser.ActAsSystem(tenant.Id);
        var roles = BuiltInRoles.All.Select(r => new Role
        {
            Name = r.Name,
            Description = r.Description,
            BuiltInKey = r.Key,
            Permissions = BuiltInRoles.GrantsFor(r.Key, catalog),
        }).ToList();
        db.AddRange(roles);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var seeder in seeders)
            await seeder.SeedAsync(db, cancellationToken);

        var admin = await users.CreateAsync(
            new UserWrite(adminEmail, "Administrator", [roles.Single(r => r.BuiltInKey == BuiltInRoles.Administrator).Id], Password: adminPassword),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var adminUser = await db.Set<AppUser>().SingleAsync(u => u.Id == admin.Id, cancellationToken);
        return new Result(tenant, adminUser);
    }

    public static string Slugify(string name)
    {
        var slug = NonSlug().Replace(name.ToLowerInvariant(), "-").Trim('-');
        return slug.Length >= 2 ? slug[..Math.Min(slug.Length, Tenant.MaxSlugLength)] : $"org-{Guid.NewGuid().ToString("N")[..8]}";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}

/// <summary>
/// Gives built-in roles their default level for resources they have no entry for yet (a module added since the
/// tenant was created). Existing entries, including admins' edits, are never changed. Runs after migrations.
/// </summary>
public sealed class SyncBuiltInRoles(PeyvandDbContext db, PermissionCatalog catalog)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var roles = await db.Set<Role>().IgnoreQueryFilters().Where(r => r.BuiltInKey != null && r.DeletedAt == null).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var tenantRoles in roles.GroupBy(r => r.TenantId))
        {
            db.CurrentUser.ActAsSystem(tenantRoles.Key);
            foreach (var role in tenantRoles)
            {
                var defaults = BuiltInRoles.GrantsFor(role.BuiltInKey!, catalog);
                var missing = defaults.Where(d => !role.Permissions.ContainsKey(d.Key)).ToList();
                if (missing.Count == 0)
                    continue;
                role.Permissions = new Dictionary<string, PermissionLevel>(role.Permissions.Concat(missing));
                changed++;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return changed;
    }
}
