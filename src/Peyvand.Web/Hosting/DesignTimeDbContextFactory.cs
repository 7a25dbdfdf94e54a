using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Peyvand.Kernel.Data;

namespace Peyvand.Web.Hosting;

/// <summary>For `dotnet ef migrations add` (see eng/add-migration.sh): builds the full model for the provider named in PEYVAND_MIGRATIONS_PROVIDER.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PeyvandDbContext>
{
    public PeyvandDbContext CreateDbContext(string[] args)
    {
        var provider = Environment.GetEnvironmentVariable("PEYVAND_MIGRATIONS_PROVIDER") ?? "Sqlite";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Peyvand:Database:Provider"] = provider,
            ["ConnectionStrings:Postgres"] = "Host=localhost;Database=design_time",
            ["ConnectionStrings:Sqlite"] = "Data Source=design-time.db",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        PeyvandApp.AddServices(services, configuration);
        return services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<PeyvandDbContext>();
    }
}
