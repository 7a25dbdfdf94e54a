using Microsoft.EntityFrameworkCore;

namespace Peyvand.Kernel.Data;

/// <summary>A module's share of the one model: it applies its entity configurations here.</summary>
public interface IModelContributor
{
    void Configure(ModelBuilder modelBuilder);
}
