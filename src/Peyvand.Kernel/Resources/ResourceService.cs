using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Domain;
using Peyvand.Kernel.Permissions;

namespace Peyvand.Kernel.Resources;

/// <summary>The standard operations on a resource, with permissions and concurrency enforced here once.</summary>
public sealed class ResourceService<TEntity, TWrite, TView>(PeyvandDbContext db, ResourceDefinition<TEntity, TWrite, TView> definition)
    where TEntity : class, ITracked
    where TWrite : class
{
    /// <summary>The sort a searched list takes by default when its resource ranks results.</summary>
    public const string RelevanceSort = "relevance";

    private string Name => definition.Name;

    private IQueryable<TEntity> Rows => definition.Including(db.Set<TEntity>());

    public ResourceDefinition<TEntity, TWrite, TView> Definition => definition;

    public async Task<Page<TView>> ListAsync(
        ListQuery list, CancellationToken cancellationToken, Func<IQueryable<TEntity>, IQueryable<TEntity>>? filter = null,
        IReadOnlyList<KeyValuePair<string, string?>>? parameters = null)
    {
        db.CurrentUser.Demand(Name, PermissionAction.Read);
        await definition.PrepareAsync(db, cancellationToken);
        var page = await PageAsync(Rows.AsNoTracking(), list, filter, parameters, cancellationToken);
        return new Page<TView>(page.Items.Select(definition.ToView).ToList(), page.NextCursor);
    }

    // A search without a sort (or sorted by relevance) ranks a bounded window of matches; anything else is keyset-paged.
    // Filters on keys or tags that match few rows start from those rows (KeyArrayQuery.NarrowAsync).
    private async Task<Page<TEntity>> PageAsync(
        IQueryable<TEntity> rows, ListQuery list, Func<IQueryable<TEntity>, IQueryable<TEntity>>? filter,
        IReadOnlyList<KeyValuePair<string, string?>>? parameters, CancellationToken cancellationToken)
    {
        var filtered = await KeyArrayQuery.NarrowAsync(db, Matching(rows, null, filter, parameters), cancellationToken);
        var matches = Matching(filtered, list.Q, null);
        if (Ranking(list) is not { } relevance)
            return await Keyset.PageAsync(matches, list, Sorts(list), cancellationToken);
        var withoutTypos = definition.SearchWithoutTypos(filtered, list.Q!.Trim());
        return await Keyset.RelevancePageAsync(matches, withoutTypos, relevance, list, cancellationToken);
    }

    /// <summary>
    /// How many rows the list with these filters, search text and sort pages through, for the caller; with
    /// <paramref name="atMost"/>, counting stops after that many and one more (so a caller can say "10,000+" without
    /// reading every match).
    /// </summary>
    public async Task<int> CountAsync(
        string? q, CancellationToken cancellationToken, Func<IQueryable<TEntity>, IQueryable<TEntity>>? filter = null,
        IReadOnlyList<KeyValuePair<string, string?>>? parameters = null, int? atMost = null, string? sort = null)
    {
        db.CurrentUser.Demand(Name, PermissionAction.Read);
        await definition.PrepareAsync(db, cancellationToken);
        var rows = await ListedAsync(q, sort, filter, parameters, cancellationToken);
        return atMost is { } cap ? await rows.Take(cap + 1).CountAsync(cancellationToken) : await rows.CountAsync(cancellationToken);
    }

    /// <summary>
    /// <see cref="CountAsync(string?, CancellationToken, Func{IQueryable{TEntity}, IQueryable{TEntity}}?, IReadOnlyList{KeyValuePair{string, string?}}?, int?, string?)"/>,
    /// and with <paramref name="groupBy"/> (one of the resource's <see cref="ResourceDefinition{TEntity, TWrite, TView}.CountGroups"/>)
    /// how many per value of that field.
    /// </summary>
    public async Task<CountView> CountAsync(
        string? q, string? sort, string? groupBy, CancellationToken cancellationToken, Func<IQueryable<TEntity>, IQueryable<TEntity>>? filter = null,
        IReadOnlyList<KeyValuePair<string, string?>>? parameters = null)
    {
        if (string.IsNullOrWhiteSpace(groupBy))
            return new CountView(await CountAsync(q, cancellationToken, filter, parameters, sort: sort));
        db.CurrentUser.Demand(Name, PermissionAction.Read);
        if (!definition.CountGroups.TryGetValue(groupBy.Trim(), out var group))
            throw new InvalidInputException("groupBy", ApiText.ChooseOneOf(string.Join(", ", definition.CountGroups.Keys)));
        await definition.PrepareAsync(db, cancellationToken);
        var groups = await group.CountAsync(await ListedAsync(q, sort, filter, parameters, cancellationToken), cancellationToken);
        return new CountView(groups.Sum(g => g.Count), groups);
    }

    // The rows a list pages through. A search in relevance order lists only the matches without typos once those fill
    // the ranking window (Keyset.RelevancePageAsync), so it counts only those then.
    private async Task<IQueryable<TEntity>> ListedAsync(
        string? q, string? sort, Func<IQueryable<TEntity>, IQueryable<TEntity>>? filter,
        IReadOnlyList<KeyValuePair<string, string?>>? parameters, CancellationToken cancellationToken)
    {
        var list = new ListQuery(q, null, null, sort);
        var filtered = Matching(Rows.AsNoTracking(), null, filter, parameters);
        var matches = Matching(filtered, q, null);
        if (Ranking(list) is null)
        {
            // The sort changes nothing counted, but a sort the list refuses is refused here too.
            var sorts = Sorts(list);
            if (sort?.TrimStart('-') is { Length: > 0 } name && sorts.All(f => f.Name != name))
                throw new InvalidInputException("sort", ApiText.SortBy(string.Join(", ", sorts.Select(f => f.Name))));
            return matches;
        }
        if (definition.SearchWithoutTypos(filtered, q!.Trim()) is not { } withoutTypos)
            return matches;
        var plain = await withoutTypos.Take(Keyset.RelevanceWindow).CountAsync(cancellationToken) == Keyset.RelevanceWindow;
        return plain ? withoutTypos : matches;
    }

    /// <summary>The rows a list shows: the resource's filters (typed, then by name, e.g. custom fields), then its search.</summary>
    internal IQueryable<TEntity> Matching(
        IQueryable<TEntity> query, string? q, Func<IQueryable<TEntity>, IQueryable<TEntity>>? filter,
        IReadOnlyList<KeyValuePair<string, string?>>? parameters = null)
    {
        if (filter is not null)
            query = filter(query);
        if (parameters is { Count: > 0 })
            query = definition.FilterByParameters(query, parameters);
        if (!string.IsNullOrWhiteSpace(q))
        {
            if (q.Length > 200)
                throw new InvalidInputException("q", ApiText.SearchTooLong(200));
            query = definition.Search(query, q.Trim());
        }
        return query;
    }

    // A search without a sort (or sorted by relevance) is ranked, when the resource ranks: its relevance, else null.
    private System.Linq.Expressions.Expression<Func<TEntity, int>>? Ranking(ListQuery list) =>
        string.IsNullOrWhiteSpace(list.Q) || list.Sort is not (null or RelevanceSort) ? null : definition.Relevance(list.Q.Trim());

    // The resource's sorts, led by relevance when searching (only `-relevance` reaches here), plus a named extra (cf.budget).
    private IReadOnlyList<SortField<TEntity>> Sorts(ListQuery list)
    {
        var sorts = definition.Sorts;
        if (!string.IsNullOrWhiteSpace(list.Q) && definition.Relevance(list.Q.Trim()) is { } relevance)
            sorts = [SortField.ByDatabase(RelevanceSort, relevance), .. sorts];
        var name = list.Sort?.TrimStart('-');
        if (string.IsNullOrEmpty(name) || sorts.Any(s => s.Name == name) || definition.ExtraSort(name) is not { } extra)
            return sorts;
        return [.. sorts, extra];
    }

    /// <summary>Deleted records are listed for whoever may restore them.</summary>
    public async Task<Page<TView>> ListDeletedAsync(ListQuery list, CancellationToken cancellationToken)
    {
        db.CurrentUser.Demand(Name, PermissionAction.Delete);
        await definition.PrepareAsync(db, cancellationToken);
        var query = Rows.IgnoreQueryFilters([PeyvandDbContext.SoftDeleteFilter]).AsNoTracking()
            .Where(e => e.DeletedAt != null);
        var page = await PageAsync(query, list, null, null, cancellationToken);
        return new Page<TView>(page.Items.Select(definition.ToView).ToList(), page.NextCursor);
    }

    public async Task<Versioned<TView>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        db.CurrentUser.Demand(Name, PermissionAction.Read);
        await definition.PrepareAsync(db, cancellationToken);
        var entity = await (definition.ReadById is { } read
                ? read.RunAsync(db, id, cancellationToken)
                : Rows.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken))
            ?? throw new NotFoundException(Name, id);
        return Versioned(entity);
    }

    public async Task<TWrite> GetForEditAsync(Guid id, CancellationToken cancellationToken)
    {
        var entity = await LoadForChangeAsync(id, PermissionAction.Update, expectedVersion: null, cancellationToken);
        return definition.ToWrite(entity);
    }

    public async Task<Versioned<TView>> CreateAsync(TWrite write, CancellationToken cancellationToken)
    {
        var level = db.CurrentUser.Demand(Name, PermissionAction.Create);
        Validation.Ensure(write);
        await definition.PrepareAsync(db, cancellationToken);
        var entity = await definition.CreateAsync(write, db, cancellationToken);
        EnsureReach(level, entity);
        if (db.Entry(entity).State == EntityState.Detached)
            db.Add(entity);
        await SaveAsync(cancellationToken);
        return Versioned(entity);
    }

    public async Task<Versioned<TView>> UpdateAsync(Guid id, TWrite write, int? expectedVersion, CancellationToken cancellationToken)
    {
        var entity = await LoadForChangeAsync(id, PermissionAction.Update, expectedVersion, cancellationToken);
        Validation.Ensure(write);
        await definition.UpdateAsync(entity, write, db, cancellationToken);
        EnsureReach(db.CurrentUser.LevelFor(Name, PermissionAction.Update), entity);
        await SaveAsync(cancellationToken);
        return Versioned(entity);
    }

    public async Task<Versioned<TView>> PatchAsync(Guid id, JsonElement patch, int? expectedVersion, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var entity = await LoadForChangeAsync(id, PermissionAction.Update, expectedVersion, cancellationToken);
                var write = MergePatch.Apply(definition.ToWrite(entity), patch);
                Validation.Ensure(write);
                await definition.UpdateAsync(entity, write, db, cancellationToken);
                EnsureReach(db.CurrentUser.LevelFor(Name, PermissionAction.Update), entity);
                await SaveAsync(cancellationToken);
                return Versioned(entity);
            }
            catch (DbUpdateConcurrencyException) when (expectedVersion is null && attempt < UnconditionalPatchAttempts && db.Database.CurrentTransaction is null)
            {
                // Without If-Match the client asked for its fields to be set on whatever is current, and another save came
                // between our read and our write: read again and apply the patch to that (its other fields stay theirs).
                db.ChangeTracker.Clear();
            }
        }
    }

    private const int UnconditionalPatchAttempts = 3;

    public async Task DeleteAsync(Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var entity = await LoadForChangeAsync(id, PermissionAction.Delete, expectedVersion, cancellationToken);
        await definition.BeforeDeleteAsync(entity, db, cancellationToken);
        db.Remove(entity); // the save interceptor turns this into a soft delete
        await SaveAsync(cancellationToken);
    }

    public async Task<Versioned<TView>> RestoreAsync(Guid id, CancellationToken cancellationToken)
    {
        var level = db.CurrentUser.Demand(Name, PermissionAction.Delete);
        if (!definition.CanRestore)
            throw new ConflictException(ApiText.NotRestorable(Name));
        await definition.PrepareAsync(db, cancellationToken);
        var entity = await Rows.IgnoreQueryFilters([PeyvandDbContext.SoftDeleteFilter])
            .SingleOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw new NotFoundException(Name, id);
        EnsureReach(level, entity);
        if (entity.DeletedAt is not null)
        {
            db.Entry(entity).Property(nameof(ITracked.DeletedAt)).CurrentValue = null;
            await SaveAsync(cancellationToken);
        }
        return Versioned(entity);
    }

    private async Task<TEntity> LoadForChangeAsync(Guid id, PermissionAction action, int? expectedVersion, CancellationToken cancellationToken)
    {
        var level = db.CurrentUser.Demand(Name, action);
        await definition.PrepareAsync(db, cancellationToken);
        var entity = await Rows.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException(Name, id);
        EnsureReach(level, entity);
        if (expectedVersion is { } expected)
        {
            if (expected != entity.Version)
                throw new ConcurrencyException();
            // A save racing ours between this read and our write is caught by the version token, too.
            db.Entry(entity).Property(nameof(ITracked.Version)).OriginalValue = expected;
        }
        return entity;
    }

    private void EnsureReach(PermissionLevel level, TEntity entity)
    {
        if (entity is IOwned && !db.CurrentUser.IsSystem && !db.CurrentUser.Reaches(level, definition.OwnerOf(entity)))
            throw new ForbiddenException(ApiText.Outside(Name));
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new ConflictException(ApiText.Duplicate(Name));
        }
    }

    private Versioned<TView> Versioned(TEntity entity) => new(definition.ToView(entity), entity.Version, entity.Id);
}
