using Peyvand.Kernel.Permissions;

namespace Peyvand.Kernel.Tenancy;

/// <summary>
/// Who is acting in this scope (request, circuit operation, CLI verb or background job) and for which tenant.
/// Set once by authentication or by the caller that opens the scope; read by the DbContext's query filters
/// and the save interceptor, so tenancy and visibility are enforced in one place.
/// </summary>
public sealed class CurrentUser
{
    public Guid? TenantId { get; private set; }
    public Guid? UserId { get; private set; }
    public Guid? ApiKeyId { get; private set; }
    public IReadOnlyList<Guid> TeamMateIds { get; private set; } = [];
    public PermissionSet Permissions { get; private set; } = PermissionSet.Empty;

    /// <summary>True for system work (migrations, CLI, jobs) that acts for a tenant with every permission.</summary>
    public bool IsSystem { get; private set; }

    public bool IsAuthenticated => TenantId is not null;

    public void SignIn(Guid tenantId, Guid userId, PermissionSet permissions, IReadOnlyList<Guid> teamMateIds, Guid? apiKeyId = null)
    {
        TenantId = tenantId;
        UserId = userId;
        Permissions = permissions;
        TeamMateIds = teamMateIds;
        ApiKeyId = apiKeyId;
        IsSystem = false;
    }

    public void ActAsSystem(Guid tenantId, Guid? userId = null)
    {
        TenantId = tenantId;
        UserId = userId;
        Permissions = PermissionSet.Empty;
        TeamMateIds = [];
        IsSystem = true;
    }

    public Guid RequireTenant() =>
        TenantId ?? throw new InvalidOperationException("No tenant in this scope.");

    public PermissionLevel LevelFor(string resource, PermissionAction action) =>
        IsSystem ? PermissionLevel.All : Permissions.LevelFor(resource, action);

    /// <summary>Throws <see cref="Api.ForbiddenException"/> unless the user has at least <paramref name="minimum"/>.</summary>
    public PermissionLevel Demand(string resource, PermissionAction action, PermissionLevel minimum = PermissionLevel.Own)
    {
        var level = LevelFor(resource, action);
        if (level < minimum)
            throw new Api.ForbiddenException(Api.ApiText.MayNot(action.ToString().ToLowerInvariant(), resource));
        return level;
    }

    /// <summary>Whether a record owned by <paramref name="ownerId"/> lies within <paramref name="level"/> for this user.</summary>
    public bool Reaches(PermissionLevel level, Guid? ownerId) => level switch
    {
        PermissionLevel.All => true,
        PermissionLevel.Team => ownerId is { } o && (o == UserId || TeamMateIds.Contains(o)),
        PermissionLevel.Own => ownerId is { } o && o == UserId,
        _ => false,
    };
}
