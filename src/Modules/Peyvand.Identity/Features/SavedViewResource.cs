using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Peyvand.Identity.Domain;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Lists;
using Peyvand.Kernel.Resources;

namespace Peyvand.Identity.Features;

public sealed record SavedViewWrite(
    [property: Required, MaxLength(SavedView.MaxNameLength)] string Name,
    [property: Required, MaxLength(50)] string Entity,
    [property: MaxLength(30)] Dictionary<string, string>? Filters = null,
    [property: MaxLength(200)] string? Q = null,
    [property: MaxLength(50)] string? Sort = null,
    [property: MaxLength(ListColumns<object>.MaxChosen)] List<string>? Columns = null,
    Guid? TeamId = null);

public sealed record SavedViewView(
    Guid Id, string Name, string Entity, IReadOnlyDictionary<string, string> Filters, string? Q, string? Sort, IReadOnlyList<string> Columns,
    Guid? OwnerId, Guid? TeamId, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Filters on the saved-view list, besides <c>q</c>.</summary>
public sealed record SavedViewFilter(string? Entity);

/// <summary>
/// Saved list views: everyone keeps their own and sees those shared with a team they belong to; only the owner changes
/// or deletes a view (sharing is not editing), whatever their role.
/// </summary>
public sealed class SavedViewResource(PeyvandDbContext db, IEnumerable<IListEntity> lists, IEnumerable<IListFilterCheck> filterChecks) : ResourceDefinition<SavedView, SavedViewWrite, SavedViewView>
{
    public const string Resource = "saved-views";

    public override string Name => Resource;

    public override IReadOnlyList<SortField<SavedView>> Sorts => field ??=
    [
        SortField.By<SavedView, string>("name", v => v.Name),
        SortField.By<SavedView, DateTime>("createdAt", v => v.CreatedAt),
    ];

    // Views are visible to their owner and their team, a rule of the caller's: no compiled read.
    public override CompiledRead<SavedView>? ReadById => null;

    public override IQueryable<SavedView> Including(IQueryable<SavedView> query)
    {
        var me = db.CurrentUser.UserId;
        if (db.CurrentUser.IsSystem && me is null)
            return query;
        return query.Where(v => v.OwnerId == me
            || (v.TeamId != null && db.Set<Team>().Any(t => t.Id == v.TeamId && t.MemberIds.Contains(me!.Value))));
    }

    public static IQueryable<SavedView> Filter(IQueryable<SavedView> query, SavedViewFilter filter) =>
        string.IsNullOrWhiteSpace(filter.Entity) ? query : query.Where(v => v.Entity == filter.Entity.Trim());

    public override IQueryable<SavedView> Search(IQueryable<SavedView> query, string text) => query.Where(v => v.Name.Contains(text));

    public override SavedViewView ToView(SavedView v) =>
        new(v.Id, v.Name, v.Entity, v.Filters, v.Q, v.Sort, v.Columns, v.OwnerId, v.TeamId, v.CreatedAt, v.UpdatedAt);

    public override SavedViewWrite ToWrite(SavedView v) => new(v.Name, v.Entity, new(v.Filters), v.Q, v.Sort, [.. v.Columns], v.TeamId);

    public override async Task<SavedView> CreateAsync(SavedViewWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var view = new SavedView { OwnerId = db.CurrentUser.UserId };
        await UpdateAsync(view, write, db, cancellationToken);
        return view;
    }

    public override async Task UpdateAsync(SavedView view, SavedViewWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        EnsureOwner(view);
        var errors = new Dictionary<string, List<string>>();
        var name = write.Name.Trim();
        if (name.Length == 0)
            Validation.Add(errors, "name", IdentityText.ViewName);
        var entity = write.Entity.Trim();
        if (lists.All(l => l.Entity != entity))
            Validation.Add(errors, "entity", IdentityText.ViewEntity(string.Join(", ", lists.Select(l => l.Entity).Order())));
        if (view.Id != default && view.Entity.Length > 0 && entity != view.Entity)
            Validation.Add(errors, "entity", IdentityText.ViewEntityFixed);
        var filters = new Dictionary<string, string>();
        foreach (var (key, value) in write.Filters ?? [])
        {
            if (key.Length is 0 or > 50 || (value?.Length ?? 0) > 200)
                Validation.Add(errors, "filters", IdentityText.ViewFilters);
            else if (!string.IsNullOrWhiteSpace(value))
                filters[key] = value.Trim();
        }
        // A view's filters are the list route's query parameters, so an API client can pass them on as they are.
        if (filterChecks.FirstOrDefault(c => c.Entity == entity) is { } check)
            await check.CheckAsync(filters, errors, cancellationToken);
        var columns = (write.Columns ?? []).Select(c => c?.Trim() ?? "").Distinct().ToList();
        if (columns.Any(c => c.Length is 0 or > 100))
            Validation.Add(errors, "columns", IdentityText.ViewColumns);
        if (write.TeamId is { } teamId && view.OwnerId is { } owner
            && !await db.Set<Team>().AnyAsync(t => t.Id == teamId && t.MemberIds.Contains(owner), cancellationToken))
            Validation.Add(errors, "teamId", IdentityText.ViewTeam);
        if (errors.Count > 0)
            throw new InvalidInputException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        view.Name = name;
        view.Entity = entity;
        view.Filters = filters;
        view.Q = string.IsNullOrWhiteSpace(write.Q) ? null : write.Q.Trim();
        view.Sort = string.IsNullOrWhiteSpace(write.Sort) ? null : write.Sort.Trim();
        view.Columns = columns;
        view.TeamId = write.TeamId;
    }

    public override Task BeforeDeleteAsync(SavedView view, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        EnsureOwner(view);
        return Task.CompletedTask;
    }

    private void EnsureOwner(SavedView view)
    {
        if (view.OwnerId is { } owner && owner != db.CurrentUser.UserId && !db.CurrentUser.IsSystem)
            throw new ForbiddenException(IdentityText.ViewOwnerOnly);
    }
}
