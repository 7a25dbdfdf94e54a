using Peyvand.Kernel.Domain;

namespace Peyvand.Identity.Domain;

/// <summary>A group of users; "team" visibility lets members see each other's records.</summary>
public sealed class Team : TenantEntity
{
    public const int MaxNameLength = 200;

    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<Guid> MemberIds { get; set; } = [];
}
