using System.Globalization;
using Peyvand.Customers.Domain;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;

namespace Peyvand.Customers.Features;

/// <summary>
/// The caller's overview of the customer base (the home page, <c>GET /api/v1/overview</c>): what they may read, counted
/// as the lists count it. <see cref="NewSince"/> is the first of the last seven days in the caller's time zone, so "new"
/// matches the list <c>createdFrom={NewSince}</c>. A section the caller may not read is null.
/// </summary>
public sealed record CustomerOverview(DateOnly Today, DateOnly NewSince, RecordCounts? Contacts, RecordCounts? Companies, TaskCounts? Tasks);

/// <summary>Records the caller may read: all, theirs, without an owner, created since <see cref="CustomerOverview.NewSince"/>; contacts also by stage.</summary>
public sealed record RecordCounts(int Total, int Mine, int Unassigned, int New, IReadOnlyList<GroupCount>? ByStage = null);

/// <summary>The caller's open tasks due before today (in their zone) and due today.</summary>
public sealed record TaskCounts(int Overdue, int DueToday);

public sealed class Overview(
    PeyvandDbContext db, ResourceService<Contact, ContactWrite, ContactView> contacts, ResourceService<Company, CompanyWrite, CompanyView> companies,
    ResourceService<Activity, ActivityWrite, ActivityView> activities, CustomerListFilters filters, CallerClock callerClock)
{
    public async Task<CustomerOverview> GetAsync(CancellationToken cancellationToken)
    {
        var me = db.CurrentUser;
        var clock = await callerClock.GetAsync(cancellationToken);
        var since = clock.Today.AddDays(-6);
        var sinceText = since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        bool May(string resource) => me.LevelFor(resource, PermissionAction.Read) > PermissionLevel.None;

        RecordCounts? contactCounts = null;
        if (May(CustomersModule.Contacts))
        {
            Task<int> Count(ContactFilter filter) => CountAsync(contacts, filters.PrepareAsync, ContactResource.Filter, filter, cancellationToken);
            var stages = await contacts.CountAsync(null, null, "lifecycleStage", cancellationToken);
            contactCounts = new RecordCounts(stages.Count,
                await Count(new ContactFilter(null, me.UserId, null, null)),
                await Count(new ContactFilter(null, null, null, null, Unassigned: true)),
                await Count(new ContactFilter(null, null, null, null, CreatedFrom: sinceText)),
                stages.Groups);
        }

        RecordCounts? companyCounts = null;
        if (May(CustomersModule.Companies))
        {
            Task<int> Count(CompanyFilter filter) => CountAsync(companies, filters.PrepareAsync, CompanyResource.Filter, filter, cancellationToken);
            companyCounts = new RecordCounts(
                await Count(new CompanyFilter(null, null, null)),
                await Count(new CompanyFilter(me.UserId, null, null)),
                await Count(new CompanyFilter(null, null, null, Unassigned: true)),
                await Count(new CompanyFilter(null, null, null, CreatedFrom: sinceText)));
        }

        TaskCounts? tasks = null;
        if (May(CustomersModule.Activities) && me.UserId is { } userId)
        {
            // As "my day" lists them: the caller's open tasks due before today, and due today.
            var (startOfToday, endOfToday) = (clock.StartOfDayUtc(clock.Today), clock.StartOfDayUtc(clock.Today.AddDays(1)));
            IQueryable<Activity> Open(IQueryable<Activity> q) =>
                q.Where(a => a.Kind == ActivityKind.Task && a.OwnerId == userId && a.CompletedAt == null);
            tasks = new TaskCounts(
                await activities.CountAsync(null, cancellationToken, q => Open(q).Where(a => a.DueAt < startOfToday)),
                await activities.CountAsync(null, cancellationToken, q => Open(q).Where(a => a.DueAt >= startOfToday && a.DueAt < endOfToday)));
        }
        return new CustomerOverview(clock.Today, since, contactCounts, companyCounts, tasks);
    }

    // A list's count with one filter, prepared (dates in the caller's zone) and applied as the list route does.
    private static async Task<int> CountAsync<TEntity, TWrite, TView, TFilter>(
        ResourceService<TEntity, TWrite, TView> records, Func<TFilter, CancellationToken, Task<TFilter>> prepare,
        Func<IQueryable<TEntity>, TFilter, IQueryable<TEntity>> apply, TFilter filter, CancellationToken cancellationToken)
        where TEntity : class, Kernel.Domain.ITracked
        where TWrite : class
        where TFilter : class
    {
        var prepared = await prepare(filter, cancellationToken);
        return await records.CountAsync(null, cancellationToken, rows => apply(rows, prepared));
    }
}
