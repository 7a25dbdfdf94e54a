using Peyvand.Kernel.Permissions;

namespace Peyvand.Identity.Domain;

/// <summary>
/// The roles every new tenant starts with. Their grants are computed from the permission catalog, so a module
/// added later gives each built-in role sensible rights to its resources (see <see cref="Features.SyncBuiltInRoles"/>).
/// Admins may then edit any role's matrix.
/// </summary>
public static class BuiltInRoles
{
    public const string Administrator = "administrator";
    public const string SalesManager = "sales-manager";
    public const string SalesRep = "sales-rep";
    public const string Marketing = "marketing";
    public const string SupportAgent = "support-agent";
    public const string ReadOnly = "read-only";

    public static IReadOnlyList<(string Key, string Name, string Description)> All { get; } =
    [
        (Administrator, "Administrator", "Everything, including users, roles and settings."),
        (SalesManager, "Sales manager", "Sees all customers and sales; changes their teams' records."),
        (SalesRep, "Sales rep", "Works their own customers and deals; sees their team's."),
        (Marketing, "Marketing", "Runs marketing; reads customers and updates their team's."),
        (SupportAgent, "Support agent", "Works tickets; reads customers and updates their own."),
        (ReadOnly, "Read-only", "Reads everything except administration; changes nothing."),
    ];

    private static readonly string[] AdminResources = ["users", "teams", "roles", "settings", "audit"];

    public static PermissionLevel Grant(string roleKey, PermissionResource resource, PermissionAction action)
    {
        if (roleKey == Administrator)
            return PermissionLevel.All;

        // Everyone manages their own API keys and saved views, and may look people and teams up.
        if (resource.Name is "api-keys" or "saved-views")
            return PermissionLevel.Own;
        if (resource.Name is "users" or "teams")
            return action == PermissionAction.Read ? PermissionLevel.All : PermissionLevel.None;
        if (AdminResources.Contains(resource.Name))
            return PermissionLevel.None;

        var read = action == PermissionAction.Read;
        return (roleKey, resource.Module) switch
        {
            (ReadOnly, _) => read ? PermissionLevel.All : PermissionLevel.None,
            (SalesManager, "Customers" or "Sales") => read ? PermissionLevel.All : PermissionLevel.Team,
            (SalesRep, "Customers" or "Sales") => read ? PermissionLevel.Team
                : action == PermissionAction.Delete ? PermissionLevel.None : PermissionLevel.Own,
            (Marketing, "Marketing") => PermissionLevel.All,
            (Marketing, "Customers") => read ? PermissionLevel.All : action == PermissionAction.Delete ? PermissionLevel.None : PermissionLevel.Team,
            (SupportAgent, "Service") => read ? PermissionLevel.All : PermissionLevel.Team,
            (SupportAgent, "Customers") => read ? PermissionLevel.All : action == PermissionAction.Delete ? PermissionLevel.None : PermissionLevel.Own,
            _ => read ? PermissionLevel.All : PermissionLevel.None,
        };
    }

    public static Dictionary<string, PermissionLevel> GrantsFor(string roleKey, PermissionCatalog catalog) =>
        catalog.Resources
            .SelectMany(r => PermissionCatalog.Actions.Select(a => (Key: PermissionCatalog.Key(r.Name, a), Level: Grant(roleKey, r, a))))
            .ToDictionary(x => x.Key, x => x.Level);
}
