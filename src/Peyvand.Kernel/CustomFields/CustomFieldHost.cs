using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Resources;

namespace Peyvand.Kernel.CustomFields;

/// <summary>
/// What an entity's resource definition needs to carry custom fields: its definitions (loaded once per operation), the
/// API view of its values, validated writes with unique values reserved, and <c>cf.*</c> filters and sorts.
/// </summary>
public sealed class CustomFieldHost<TEntity>(string entityType, Expression<Func<TEntity, string>> json)
{
    private List<CustomFieldDefinition>? _definitions;
    private bool _fromCache;
    private bool _postgres;

    public string EntityType => entityType;

    /// <summary>Every definition of the entity, archived ones included, in order.</summary>
    public IReadOnlyList<CustomFieldDefinition> Definitions =>
        _definitions ?? throw new InvalidOperationException("Call LoadAsync first (ResourceDefinition.PrepareAsync).");

    /// <summary>The definitions as stored, for writes (validation must not trust a cache another node may not have emptied yet).</summary>
    public async Task LoadAsync(PeyvandDbContext db, CancellationToken cancellationToken)
    {
        if (_definitions is not null && !_fromCache)
            return;
        _definitions = await CustomFieldQuery.DefinitionsAsync(db, entityType, cancellationToken);
        _fromCache = false;
        _postgres = db.IsPostgres;
    }

    /// <summary>The definitions for reads (views, lists, exports), from the node's short-lived cache.</summary>
    public async Task LoadForReadingAsync(PeyvandDbContext db, CustomFieldDefinitionCache cache, CancellationToken cancellationToken)
    {
        if (_definitions is not null)
            return;
        _definitions = await cache.GetAsync(db, entityType, cancellationToken);
        _fromCache = true;
        _postgres = db.IsPostgres;
    }

    public Dictionary<string, JsonElement> View(string? storedJson) => CustomFieldValues.ToView(Definitions, storedJson);

    /// <summary>
    /// Validates the values sent for a record (adding <c>customFields.key</c> errors) and checks unique fields against other
    /// records. Call <see cref="Reserve"/> once every check has passed.
    /// </summary>
    public async Task<CustomFieldChanges> ValidateAsync(
        PeyvandDbContext db, Guid recordId, IReadOnlyDictionary<string, JsonElement>? input, string? storedJson,
        IDictionary<string, List<string>> errors, CancellationToken cancellationToken)
    {
        await LoadAsync(db, cancellationToken);
        var changes = CustomFieldValues.Apply(Definitions, input, storedJson, errors);
        foreach (var (key, value) in changes.UniqueValues)
        {
            var taken = await db.Set<CustomFieldUniqueValue>().AnyAsync(
                u => u.EntityType == entityType && u.FieldKey == key && u.Value == value && u.RecordId != recordId, cancellationToken);
            if (taken)
                Validation.Add(errors, $"{CustomFieldValues.Prefix}.{key}", CustomFieldText.Taken);
        }
        return changes;
    }

    /// <summary>
    /// Records the record's unique values in the side table, in the same save: its unique index turns a race between two
    /// saves of one value into a conflict (409) for the later one.
    /// </summary>
    public async Task ReserveAsync(PeyvandDbContext db, Guid recordId, CustomFieldChanges changes, CancellationToken cancellationToken)
    {
        var rows = await db.Set<CustomFieldUniqueValue>()
            .Where(u => u.EntityType == entityType && u.RecordId == recordId).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (!changes.UniqueValues.TryGetValue(row.FieldKey, out var value) || value != row.Value)
                db.Remove(row);
        }
        foreach (var (key, value) in changes.UniqueValues)
        {
            if (!rows.Any(r => r.FieldKey == key && r.Value == value))
                db.Add(new CustomFieldUniqueValue { EntityType = entityType, FieldKey = key, Value = value, RecordId = recordId });
        }
    }

    public IQueryable<TEntity> Filter(IQueryable<TEntity> query, IReadOnlyList<KeyValuePair<string, string?>> parameters) =>
        CustomFieldQuery.Filter(query, Definitions, parameters, json, _postgres);

    public SortField<TEntity>? Sort(string name) => CustomFieldQuery.Sort(Definitions, name, json);
}
