using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Domain;

namespace Peyvand.Kernel.Resources;

/// <summary>
/// What is particular to one REST resource (its name, view, write model, search and rules). Everything common —
/// permissions, visibility, 404s, If-Match, soft delete, restore, paging — lives once in <see cref="ResourceService{TEntity,TWrite,TView}"/>,
/// which both the API endpoints and the UI call.
/// </summary>
public abstract class ResourceDefinition<TEntity, TWrite, TView>
    where TEntity : class, ITracked
    where TWrite : class
{
    /// <summary>Route segment and permission resource, plural kebab-case ("api-keys").</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Sortable fields; the first is the default order. Definitions are made per request, so build the list on first use
    /// (<c>=&gt; field ??= [...]</c>): its expression trees cost a single-record read about a third of its allocations.
    /// </summary>
    public abstract IReadOnlyList<SortField<TEntity>> Sorts { get; }

    public virtual bool CanRestore => true;

    public virtual IQueryable<TEntity> Search(IQueryable<TEntity> query, string text) => query;

    /// <summary>
    /// <see cref="Search"/> without typo tolerance, for resources that have it: a ranked list uses this alone when it
    /// finds plenty (typos only widen a search that finds little). Null when the resource has no typo matching.
    /// </summary>
    public virtual IQueryable<TEntity>? SearchWithoutTypos(IQueryable<TEntity> query, string text) => null;

    /// <summary>Loads what the other members need from the database (e.g. custom-field definitions); runs first in every operation.</summary>
    public virtual Task PrepareAsync(PeyvandDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A sort field not in <see cref="Sorts"/> (e.g. <c>cf.budget</c>), or null.</summary>
    public virtual SortField<TEntity>? ExtraSort(string name) => null;

    /// <summary>Filters taken from the raw query string of a list request (e.g. <c>cf.budget.gte=5</c>).</summary>
    public virtual IQueryable<TEntity> FilterByParameters(IQueryable<TEntity> query, IReadOnlyList<KeyValuePair<string, string?>> parameters) => query;

    /// <summary>
    /// How well each row fits a search, lower first: with <c>q</c> and no <c>sort</c>, lists come in this order
    /// (as the sort "relevance"). Null keeps the default sort.
    /// </summary>
    public virtual System.Linq.Expressions.Expression<Func<TEntity, int>>? Relevance(string text) => null;

    /// <summary>The fields a count may group by (<c>groupBy=</c>), by their API names; keep the dictionary in a static field.</summary>
    public virtual IReadOnlyDictionary<string, CountGroup<TEntity>> CountGroups => NoCountGroups;

    private static readonly IReadOnlyDictionary<string, CountGroup<TEntity>> NoCountGroups = new Dictionary<string, CountGroup<TEntity>>();

    /// <summary>What to load with the entity (its child rows) wherever the service reads one.</summary>
    public virtual IQueryable<TEntity> Including(IQueryable<TEntity> query) => query;

    /// <summary>
    /// The read by id as a compiled query; it must load what <see cref="Including"/> loads (keep it in a static field, e.g.
    /// <c>CompiledRead.Including((Contact c) =&gt; c.Companies)</c>). Null when <see cref="Including"/> depends on the caller
    /// (a visibility rule of its own): a compiled query cannot see that. <c>ResourceDefinitionTests</c> checks that every
    /// definition overriding one overrides the other.
    /// </summary>
    public virtual CompiledRead<TEntity>? ReadById => CompiledRead.Of<TEntity>();

    public abstract TView ToView(TEntity entity);

    public abstract TWrite ToWrite(TEntity entity);

    /// <summary>Validates the write model and builds a new entity (not yet added); by default a new one, updated.</summary>
    public virtual async Task<TEntity> CreateAsync(TWrite write, PeyvandDbContext db, CancellationToken cancellationToken)
    {
        var entity = Activator.CreateInstance<TEntity>();
        await UpdateAsync(entity, write, db, cancellationToken);
        return entity;
    }

    /// <summary>Validates the write model and applies it to an existing entity.</summary>
    public abstract Task UpdateAsync(TEntity entity, TWrite write, PeyvandDbContext db, CancellationToken cancellationToken);

    /// <summary>Checks that may refuse a delete (e.g. the last administrator); throw to refuse.</summary>
    public virtual Task BeforeDeleteAsync(TEntity entity, PeyvandDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The changes a bulk request may make besides "delete", by action name ("addTag"). Each parses the request's value
    /// once (throwing <see cref="InvalidInputException"/> when it is bad) and returns the change of one record's write model;
    /// the changed write model then goes through <see cref="UpdateAsync"/> like any edit.
    /// </summary>
    public virtual IReadOnlyDictionary<string, Func<string?, Func<TWrite, TWrite>>> BulkChanges => NoBulkChanges;

    // Definitions are made for every request; what they share is built once.
    private static readonly Dictionary<string, Func<string?, Func<TWrite, TWrite>>> NoBulkChanges = [];

    /// <summary>The owner a new record gets; only owned resources have one.</summary>
    public virtual Guid? OwnerOf(TEntity entity) => (entity as IOwned)?.OwnerId;
}

/// <summary>A view together with the version its ETag names.</summary>
public sealed record Versioned<TView>(TView View, int Version, Guid Id);
