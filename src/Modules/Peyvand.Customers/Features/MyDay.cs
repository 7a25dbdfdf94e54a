using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;

namespace Peyvand.Customers.Features;

/// <summary>The caller's open tasks due today or overdue (today in the caller's time zone, else the organisation's), soonest first.</summary>
public sealed class MyDay(PeyvandDbContext db, ResourceDefinition<Activity, ActivityWrite, ActivityView> activities, TimeProvider clock)
{
    public async Task<IReadOnlyList<ActivityView>> HandleAsync(CancellationToken cancellationToken)
    {
        var me = db.CurrentUser;
        me.Demand(CustomersModule.Activities, PermissionAction.Read);
        var userId = me.UserId;
        var tenantId = me.RequireTenant();
        // Today as the user's clock reads it: their own time zone, else the organisation's.
        var zoneId = await db.Set<AppUser>().Where(u => u.Id == userId).Select(u => u.TimeZone).SingleOrDefaultAsync(cancellationToken)
            ?? await db.Set<Tenant>().Where(t => t.Id == tenantId).Select(t => t.TimeZone).SingleAsync(cancellationToken);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var localNow = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var endOfToday = TimeZoneInfo.ConvertTimeToUtc(localNow.Date.AddDays(1), zone);

        var tasks = await activities.Including(db.Set<Activity>()).AsNoTracking()
            .Where(a => a.Kind == ActivityKind.Task && a.OwnerId == userId && a.CompletedAt == null && a.DueAt != null && a.DueAt < endOfToday)
            .OrderBy(a => a.DueAt).Take(200)
            .ToListAsync(cancellationToken);
        return tasks.Select(activities.ToView).ToList();
    }
}
