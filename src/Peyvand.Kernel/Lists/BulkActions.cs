using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.CustomFields;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Domain;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;

namespace Peyvand.Kernel.Lists;

/// <summary>
/// One action on many records: either <c>ids</c> or the list's <c>filter</c> (with <c>q</c>), never both. <c>value</c> is
/// the action's argument (a tag, an owner id, a stage). With a filter, <c>customFields</c> adds the list's custom-field
/// filters, keyed as in the list's query string without its <c>cf.</c> prefix: <c>{"budget.gte": "5", "region": "north"}</c>.
/// </summary>
public sealed record BulkRequest<TFilter>(
    [property: MaxLength(BulkActions.MaxRecords)] List<Guid>? Ids,
    TFilter? Filter,
    [property: MaxLength(200)] string? Q,
    [property: Required, MaxLength(50)] string Action,
    [property: MaxLength(200)] string? Value,
    [property: MaxLength(50)] Dictionary<string, string>? CustomFields = null)
    where TFilter : class
{
    /// <summary>The custom-field filters as the list's query parameters (<c>cf.budget.gte</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> CustomFieldParameters() =>
        CustomFields?.Select(f => new KeyValuePair<string, string?>(
            f.Key.StartsWith(CustomFieldQuery.Prefix, StringComparison.Ordinal) ? f.Key : CustomFieldQuery.Prefix + f.Key,
            f.Value)).ToList() ?? [];
}

/// <summary>What a bulk request did: records changed, already as asked (unchanged), and skipped (out of the caller's reach).</summary>
public sealed record BulkResult(string Action, int Changed, int Unchanged, int Skipped, IReadOnlyList<Guid> SkippedIds);

public static class BulkActions
{
    /// <summary>
    /// The most records one request touches. The change is one transaction that validates, updates and audits each
    /// record (a few statements apiece) while holding its row locks: 1,000 keeps it to a few seconds, short enough not to
    /// stall other users, and matches what a person can review in a list. Larger jobs: narrow the filter and repeat.
    /// </summary>
    public const int MaxRecords = 1000;

    public const string Delete = "delete";
}

/// <summary>
/// Applies one bulk action in one transaction, with the same rules as single edits: each record goes through the
/// resource's own validation, permission levels and audit. Records the caller may see but not change — and ids that do not
/// exist for them — are skipped and reported, not fatal; any invalid change fails the whole request and nothing is saved.
/// </summary>
public sealed class BulkActions<TEntity, TWrite, TView>(PeyvandDbContext db, ResourceService<TEntity, TWrite, TView> service)
    where TEntity : class, ITracked
    where TWrite : class
{
    private ResourceDefinition<TEntity, TWrite, TView> Definition => service.Definition;

    public IReadOnlyList<string> Actions => [.. Definition.BulkChanges.Keys, BulkActions.Delete];

    public async Task<BulkResult> ApplyAsync<TFilter>(
        BulkRequest<TFilter> request, Func<IQueryable<TEntity>, TFilter, IQueryable<TEntity>> filter, CancellationToken cancellationToken)
        where TFilter : class
    {
        Validation.Ensure(request);
        var name = Definition.Name;
        var isDelete = request.Action == BulkActions.Delete;
        Func<TWrite, TWrite>? change = null;
        if (!isDelete)
        {
            if (!Definition.BulkChanges.TryGetValue(request.Action, out var prepare))
                throw new InvalidInputException("action", ApiText.ChooseOneOf(string.Join(", ", Actions)));
            change = prepare(request.Value);
        }
        var action = isDelete ? PermissionAction.Delete : PermissionAction.Update;
        var level = db.CurrentUser.Demand(name, action);
        await Definition.PrepareAsync(db, cancellationToken);
        if ((request.Ids is null) == (request.Filter is null))
            throw new InvalidInputException("ids", ApiText.IdsOrFilter);
        if (request.Ids is not null && request.CustomFields is { Count: > 0 })
            throw new InvalidInputException("customFields", ApiText.CustomFieldsWithFilter);

        var query = Definition.Including(db.Set<TEntity>());
        var ids = request.Ids?.Distinct().ToList();
        if (ids is not null)
            query = query.Where(e => ids.Contains(e.Id));
        else // a rare tag or address key starts from its few matches, as in the list (KeyArrayQuery.NarrowAsync)
            query = await KeyArrayQuery.NarrowAsync(db, service.Matching(query, request.Q, q => filter(q, request.Filter!), request.CustomFieldParameters()), cancellationToken);
        var records = await query.OrderBy(e => e.Id).Take(BulkActions.MaxRecords + 1).ToListAsync(cancellationToken);
        if (records.Count > BulkActions.MaxRecords)
            throw new InvalidInputException("filter", ApiText.TooManyRecords(BulkActions.MaxRecords));

        var skipped = ids?.Except(records.Select(r => r.Id)).ToList() ?? [];
        int changed = 0, unchanged = 0;
        foreach (var record in records)
        {
            if (!Reaches(level, record))
            {
                skipped.Add(record.Id);
                continue;
            }
            try
            {
                if (isDelete)
                {
                    await Definition.BeforeDeleteAsync(record, db, cancellationToken);
                    db.Remove(record); // soft delete, audited by the save interceptor
                    changed++;
                    continue;
                }
                var before = Definition.ToWrite(record);
                var after = change!(before);
                if (JsonSerializer.Serialize(after, PeyvandJson.Options) == JsonSerializer.Serialize(before, PeyvandJson.Options))
                {
                    unchanged++;
                    continue;
                }
                Validation.Ensure(after);
                await Definition.UpdateAsync(record, after, db, cancellationToken);
                if (!Reaches(db.CurrentUser.LevelFor(name, PermissionAction.Update), record))
                    throw new ForbiddenException(ApiText.BulkOutside(name, record.Id));
                changed++;
            }
            catch (InvalidInputException ex)
            {
                // Nothing is saved; the errors name the record they belong to.
                throw new InvalidInputException(ex.Errors.ToDictionary(e => $"records.{record.Id}.{e.Key}", e => e.Value));
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken); // one SaveChanges: one transaction for every record and its audit entry
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException(ApiText.BulkChanged);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            throw new ConflictException(ApiText.BulkUnique(name));
        }
        return new BulkResult(request.Action, changed, unchanged, skipped.Count, skipped);
    }

    private bool Reaches(PermissionLevel level, TEntity record) =>
        record is not IOwned || db.CurrentUser.IsSystem || db.CurrentUser.Reaches(level, Definition.OwnerOf(record));
}
