using System.Text.Json;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Lists;

namespace Peyvand.Kernel.CustomFields;

/// <summary>
/// An entity's active custom fields as list columns (<c>cf.KEY</c>), so the column chooser, saved views and exports offer
/// them beside the fixed columns; values read as <see cref="CustomFieldDisplay"/> shows them.
/// </summary>
public sealed class CustomFieldColumns<TView>(string entityType, Func<TView, IReadOnlyDictionary<string, JsonElement>> valuesOf)
    : IColumnSource<TView>
{
    public async Task<IReadOnlyList<ListColumn<TView>>> ColumnsAsync(PeyvandDbContext db, CancellationToken cancellationToken) =>
        [.. (await CustomFieldQuery.DefinitionsAsync(db, entityType, cancellationToken))
            .Where(d => !d.Archived)
            .Select(d => new ListColumn<TView>(CustomFieldQuery.Prefix + d.Key, d.LabelEn, d.LabelFa,
                (row, context) => CustomFieldDisplay.Format(d, valuesOf(row).TryGetValue(d.Key, out var value) ? value : null,
                    context.Language, context.Calendar, id => context.Name(id) is { Length: > 0 } name ? name : null)))];
}
