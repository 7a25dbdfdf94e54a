using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;

namespace Peyvand.Identity.Features;

/// <summary>A role's matrix as the API shows it: resource → action → level, e.g. <c>{"contacts": {"read": "all"}}</c>.</summary>
public sealed record RoleWrite(
    [property: Required, MaxLength(Role.MaxNameLength)] string Name,
    [property: MaxLength(2000)] string? Description = null,
    [property: MaxLength(200)] Dictionary<string, Dictionary<string, PermissionLevel>>? Permissions = null);

public sealed record RoleView(
    Guid Id, string Name, string? Description, string? BuiltInKey,
    IReadOnlyDictionary<string, Dictionary<string, PermissionLevel>> Permissions, DateTime CreatedAt, DateTime UpdatedAt);

public sealed class RoleResource(PermissionCatalog catalog) : ResourceDefinition<Role, RoleWrite, RoleView>
{
    public override string Name => "roles";

    public override IReadOnlyList<SortField<Role>> Sorts => field ??=
    [
        SortField.By<Role, string>("name", r => r.Name),
        SortField.By<Role, DateTime>("createdAt", r => r.CreatedAt),
    ];

    public override IQueryable<Role> Search(IQueryable<Role> query, string text) => query.Where(r => r.Name.Contains(text));

    public override RoleView ToView(Role r) => new(r.Id, r.Name, r.Description, r.BuiltInKey, Matrix(r.Permissions), r.CreatedAt, r.UpdatedAt);

    public override RoleWrite ToWrite(Role r) => new(r.Name, r.Description, Matrix(r.Permissions));

    public override async Task<Role> CreateAsync(RoleWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var role = new Role();
        await UpdateAsync(role, write, db, cancellationToken);
        return role;
    }

    public override Task UpdateAsync(Role role, RoleWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var grants = Flatten(write.Permissions);
        // The administrator role always holds everything, so an organisation can never lock itself out.
        // Leaving a resource out (a merge patch with null) reduces the matrix as surely as "none" does.
        if (role.BuiltInKey == BuiltInRoles.Administrator && BuiltInRoles.GrantsFor(BuiltInRoles.Administrator, catalog).Keys
                .Any(key => grants.GetValueOrDefault(key) != PermissionLevel.All))
            throw new InvalidInputException("permissions", IdentityText.AdminAllPermissions);
        role.Name = write.Name.Trim();
        role.Description = write.Description;
        role.Permissions = grants;
        return Task.CompletedTask;
    }

    public override async Task BeforeDeleteAsync(Role role, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        if (role.BuiltInKey == BuiltInRoles.Administrator)
            throw new ConflictException(IdentityText.AdminNotDeletable);
        var roleId = role.Id;
        if (await db.Set<AppUser>().AnyAsync(u => u.RoleIds.Contains(roleId), cancellationToken))
            throw new ConflictException(IdentityText.RoleInUse);
    }

    private Dictionary<string, PermissionLevel> Flatten(Dictionary<string, Dictionary<string, PermissionLevel>>? matrix)
    {
        var errors = new Dictionary<string, List<string>>();
        var grants = new Dictionary<string, PermissionLevel>(StringComparer.Ordinal);
        foreach (var (resource, actions) in matrix ?? [])
        {
            if (!catalog.Contains(resource))
            {
                Validation.Add(errors, $"permissions.{resource}", IdentityText.UnknownResource);
                continue;
            }
            foreach (var (actionName, level) in actions ?? [])
            {
                if (!Enum.TryParse<PermissionAction>(actionName, ignoreCase: true, out var action) || !Enum.IsDefined(action) || int.TryParse(actionName, out _))
                    Validation.Add(errors, $"permissions.{resource}.{actionName}", IdentityText.UnknownAction);
                else if (!Enum.IsDefined(level))
                    Validation.Add(errors, $"permissions.{resource}.{actionName}", IdentityText.UnknownLevel);
                else
                    grants[PermissionCatalog.Key(resource, action)] = level;
            }
        }
        if (errors.Count > 0)
            throw new InvalidInputException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        return grants;
    }

    private Dictionary<string, Dictionary<string, PermissionLevel>> Matrix(Dictionary<string, PermissionLevel> grants) =>
        catalog.Resources.OrderBy(r => r.Module).ThenBy(r => r.Name).ToDictionary(
            r => r.Name,
            r => PermissionCatalog.Actions.ToDictionary(
                a => a.ToString().ToLowerInvariant(),
                a => grants.GetValueOrDefault(PermissionCatalog.Key(r.Name, a))));
}
