using Peyvand.Kernel.Domain;
using Peyvand.Kernel.Permissions;

namespace Peyvand.Identity.Domain;

/// <summary>A named set of permissions: for each "resource.action", how far it reaches (none/own/team/all).</summary>
public sealed class Role : TenantEntity
{
    public const int MaxNameLength = 100;

    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>The built-in role this one came from ("administrator", …), or null for a role an admin made.</summary>
    public string? BuiltInKey { get; set; }

    public Dictionary<string, PermissionLevel> Permissions { get; set; } = [];
}
