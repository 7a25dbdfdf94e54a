using Microsoft.EntityFrameworkCore;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;

namespace Peyvand.Customers.Features;

/// <summary>The caller's open tasks due today or overdue (today in the caller's time zone, else the organisation's), soonest first.</summary>
public sealed class MyDay(PeyvandDbContext db, ResourceDefinition<Activity, ActivityWrite, ActivityView> activities, CallerClock callerClock)
{
    public async Task<IReadOnlyList<ActivityView>> HandleAsync(CancellationToken cancellationToken)
    {
        var me = db.CurrentUser;
        me.Demand(CustomersModule.Activities, PermissionAction.Read);
        var userId = me.UserId;
        var clock = await callerClock.GetAsync(cancellationToken);
        var endOfToday = clock.StartOfDayUtc(clock.Today.AddDays(1));

        var tasks = await activities.Including(db.Set<Activity>()).AsNoTracking()
            .Where(a => a.Kind == ActivityKind.Task && a.OwnerId == userId && a.CompletedAt == null && a.DueAt != null && a.DueAt < endOfToday)
            .OrderBy(a => a.DueAt).Take(200)
            .ToListAsync(cancellationToken);
        return tasks.Select(activities.ToView).ToList();
    }
}
