using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Identity.Auth;

public static class PeyvandClaims
{
    public const string Tenant = "peyvand:tenant";
    public const string ApiKey = "peyvand:apikey";

    // Display preferences, re-issued with the cookie whenever the security stamp is validated.
    public const string Language = "peyvand:lang";
    public const string Calendar = "peyvand:calendar";
    public const string TimeZone = "peyvand:tz";
    public const string Theme = "peyvand:theme";

    // The organisation's defaults, for users who have not chosen their own calendar or time zone.
    public const string OrganisationCalendar = "peyvand:org-calendar";
    public const string OrganisationTimeZone = "peyvand:org-tz";

    /// <summary>How the organisation shows rial amounts: "toman" or "rial" (see <c>Tenant.RialDisplay</c>).</summary>
    public const string OrganisationRialDisplay = "peyvand:org-rial";

    /// <summary>The bootstrap administrator still has to choose a password and the organisation's basics.</summary>
    public const string FirstRun = "peyvand:first-run";
}

/// <summary>
/// Turns an authenticated principal into the scope's <see cref="CurrentUser"/>: the tenant, the union of the user's
/// role grants and their team mates. A disabled or deleted user gets no identity, whatever their cookie or key says.
/// The grants are cached briefly (<see cref="AuthCache"/>).
/// </summary>
public sealed class CurrentUserLoader(PeyvandDbContext db, CurrentUser currentUser, AuthCache cache)
{
    public async ValueTask<bool> LoadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(PeyvandClaims.Tenant), out var tenantId))
            return false;
        Guid? apiKeyId = Guid.TryParse(principal.FindFirstValue(PeyvandClaims.ApiKey), out var k) ? k : null;
        return await LoadAsync(tenantId, userId, apiKeyId, cancellationToken);
    }

    public async ValueTask<bool> LoadAsync(Guid tenantId, Guid userId, Guid? apiKeyId, CancellationToken cancellationToken)
    {
        var key = ("user", tenantId, userId, (string?)null);
        if (!cache.TryGet<Grants>(key, out var grants))
        {
            var generation = cache.Generation;
            if (await LoadGrantsAsync(tenantId, userId, cancellationToken) is not { } loaded)
                return false;
            cache.Set(key, grants = loaded, generation);
        }
        currentUser.SignIn(tenantId, userId, grants.Permissions, grants.TeamMateIds, apiKeyId);
        return true;
    }

    private async Task<Grants?> LoadGrantsAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken)
    {
        // The tenant is not known to the filters yet, so this one lookup states it explicitly.
        var user = await db.Set<AppUser>().IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Id == userId && u.TenantId == tenantId && u.DeletedAt == null && !u.IsDisabled)
            .Select(u => new { u.RoleIds })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
            return null;

        var roleIds = user.RoleIds;
        var grants = await db.Set<Role>().IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.DeletedAt == null && roleIds.Contains(r.Id))
            .Select(r => r.Permissions)
            .ToListAsync(cancellationToken);
        var mates = await db.Set<Team>().IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.TenantId == tenantId && t.DeletedAt == null && t.MemberIds.Contains(userId))
            .Select(t => t.MemberIds)
            .ToListAsync(cancellationToken);
        return new Grants(PermissionSet.Union(grants), mates.SelectMany(m => m).Distinct().ToList());
    }

    private sealed record Grants(PermissionSet Permissions, IReadOnlyList<Guid> TeamMateIds);
}
