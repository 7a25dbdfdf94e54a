using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Identity.Features;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Cli;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;

namespace Peyvand.Identity.Cli;

public sealed class CreateTenantVerb(TenantProvisioning provisioning) : ICliVerb
{
    public string Name => "create-tenant";
    public string Usage => "create-tenant --name N --admin-email E --admin-password P [--slug S]";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var name = args.Required("name");
        var email = args.Required("admin-email");
        var password = args.Required("admin-password");
        var slug = args.Optional("slug");
        args.EnsureNoUnknown();
        var result = await provisioning.CreateAsync(name, slug, email, password, cancellationToken);
        await output.WriteLineAsync($"Created organisation '{result.Tenant.Name}' (slug {result.Tenant.Slug}, id {result.Tenant.Id}) with administrator {result.Administrator.Email}.");
        return 0;
    }
}

public sealed class CreateUserVerb(PeyvandDbContext db, ResourceService<AppUser, UserWrite, UserView> users) : ICliVerb
{
    public string Name => "create-user";
    public string Usage => "create-user --email E --password P --role R [--name N] [--tenant SLUG]";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var email = args.Required("email");
        var password = args.Required("password");
        var roleName = args.Required("role");
        var displayName = args.Optional("name") ?? email.Split('@')[0];
        var tenant = await CliTenant.ResolveAsync(db, args.Optional("tenant"), cancellationToken);
        args.EnsureNoUnknown();

        db.CurrentUser.ActAsSystem(tenant.Id);
        var key = roleName.Trim().ToLowerInvariant().Replace(' ', '-');
        var roles = await db.Set<Role>().ToListAsync(cancellationToken);
        var role = roles.FirstOrDefault(r => r.BuiltInKey == key || string.Equals(r.Name, roleName.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new CliException($"no role '{roleName}' in {tenant.Slug}; roles: {string.Join(", ", roles.Select(r => r.BuiltInKey ?? r.Name))}");
        var user = await users.CreateAsync(new UserWrite(email, displayName, [role.Id], Password: password), cancellationToken);
        await output.WriteLineAsync($"Created user {user.View.Email} ({role.Name}) in {tenant.Slug}, id {user.Id}.");
        return 0;
    }
}

public sealed class CreateApiKeyVerb(PeyvandDbContext db, ResourceService<ApiKey, ApiKeyWrite, ApiKeyView> keys) : ICliVerb
{
    public string Name => "create-api-key";
    public string Usage => "create-api-key --email E --name N  (prints the key alone on the last line)";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var email = args.Required("email");
        var name = args.Required("name");
        args.EnsureNoUnknown();
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Set<AppUser>().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken)
            ?? throw new CliException($"no user with email {email}");
        db.CurrentUser.ActAsSystem(user.TenantId, user.Id);
        try
        {
            var created = await keys.CreateAsync(new ApiKeyWrite(name, UserId: user.Id), cancellationToken);
            await output.WriteLineAsync($"Created API key '{created.View.Name}' for {user.Email} (id {created.Id}). Store it now; it is not shown again:");
            await output.WriteLineAsync(((ApiKeyResource)keys.Definition).IssuedSecret);
        }
        catch (InvalidInputException ex)
        {
            throw new CliException(string.Join("; ", ex.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }
        return 0;
    }
}

public static class CliTenant
{
    /// <summary>The named tenant, or the only one when there is just one (the usual single-organisation install).</summary>
    public static async Task<Tenant> ResolveAsync(PeyvandDbContext db, string? slug, CancellationToken cancellationToken)
    {
        if (slug is not null)
            return await db.Set<Tenant>().SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken)
                ?? throw new CliException($"no organisation with slug '{slug}'");
        var tenants = await db.Set<Tenant>().Take(2).ToListAsync(cancellationToken);
        return tenants.Count == 1 ? tenants[0]
            : throw new CliException(tenants.Count == 0 ? "no organisation yet; run create-tenant first" : "several organisations exist; name one with --tenant SLUG");
    }
}
