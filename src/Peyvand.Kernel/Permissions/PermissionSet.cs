namespace Peyvand.Kernel.Permissions;

/// <summary>The effective permissions of one user: for each "resource.action", the widest level any of their roles grants.</summary>
public sealed class PermissionSet
{
    public static readonly PermissionSet Empty = new(new Dictionary<string, PermissionLevel>());

    private readonly IReadOnlyDictionary<string, PermissionLevel> _levels;

    public PermissionSet(IReadOnlyDictionary<string, PermissionLevel> levels) => _levels = levels;

    public static PermissionSet Union(IEnumerable<IReadOnlyDictionary<string, PermissionLevel>> grants)
    {
        var merged = new Dictionary<string, PermissionLevel>(StringComparer.Ordinal);
        foreach (var grant in grants)
        {
            foreach (var (key, level) in grant)
            {
                if (!merged.TryGetValue(key, out var existing) || level > existing)
                    merged[key] = level;
            }
        }
        return new PermissionSet(merged);
    }

    public PermissionLevel LevelFor(string resource, PermissionAction action) =>
        _levels.TryGetValue(PermissionCatalog.Key(resource, action), out var level) ? level : PermissionLevel.None;

    public IReadOnlyDictionary<string, PermissionLevel> Levels => _levels;
}
