using Peyvand.Kernel.Domain;

namespace Peyvand.Identity.Domain;

/// <summary>A named list view (filters, search, sort, columns) of one user, optionally shared with one of their teams.</summary>
public sealed class SavedView : TenantEntity, IOwned
{
    public const int MaxNameLength = 100;

    public string Name { get; set; } = "";

    /// <summary>The list it belongs to ("contacts"), one of the registered column catalogs.</summary>
    public string Entity { get; set; } = "";
    public Dictionary<string, string> Filters { get; set; } = [];
    public string? Q { get; set; }
    public string? Sort { get; set; }
    public List<string> Columns { get; set; } = [];
    public Guid? OwnerId { get; set; }
    public Guid? TeamId { get; set; }
}
