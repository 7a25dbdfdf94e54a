using Peyvand.Kernel.Data;

namespace Peyvand.Kernel.Tenancy;

/// <summary>
/// Starting data a module gives every new organisation (e.g. the default customer categories). Tenant provisioning
/// runs each seeder inside its transaction, acting as the system in the new tenant, so modules above Identity seed
/// without Identity knowing them.
/// </summary>
public interface ITenantSeeder
{
    Task SeedAsync(PeyvandDbContext db, CancellationToken cancellationToken);
}
