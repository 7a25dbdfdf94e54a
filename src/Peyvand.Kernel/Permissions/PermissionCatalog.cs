namespace Peyvand.Kernel.Permissions;

/// <summary>A resource the permission matrix has a row for, e.g. "contacts" in module "Customers".</summary>
public sealed record PermissionResource(string Name, string Module, bool IsOwned);

/// <summary>Every resource that modules register; the matrix, the API and the UI read it from here.</summary>
public sealed class PermissionCatalog
{
    private readonly Dictionary<string, PermissionResource> _resources = new(StringComparer.Ordinal);

    public IReadOnlyCollection<PermissionResource> Resources => _resources.Values;

    public void Register(string name, string module, bool isOwned = false) =>
        _resources[name] = new PermissionResource(name, module, isOwned);

    public bool Contains(string name) => _resources.ContainsKey(name);

    public static IReadOnlyList<PermissionAction> Actions { get; } = Enum.GetValues<PermissionAction>();

    public static string Key(string resource, PermissionAction action) =>
        $"{resource}.{action.ToString().ToLowerInvariant()}";
}
