using System.Text.Json;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Lists;
using Peyvand.Kernel.Localization;

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
            .Select(Column)];

    // Money columns show amounts in the reader's unit (tomans when the organisation shows them); exported, they are plain
    // numbers in the stored unit (rials for IRR, as the API gives them) with the unit in the header.
    private ListColumn<TView> Column(CustomFieldDefinition d)
    {
        var money = d.Type == CustomFieldType.Money;
        var currency = CustomFieldValues.CurrencyOf(d);
        return new ListColumn<TView>(CustomFieldQuery.Prefix + d.Key, d.LabelEn, d.LabelFa,
            (row, context) =>
            {
                var value = valuesOf(row).TryGetValue(d.Key, out var v) ? v : (JsonElement?)null;
                if (money && context.Export)
                    return CustomFieldDisplay.Amount(value)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
                return CustomFieldDisplay.Format(d, value, context.Language, context.Calendar,
                    id => context.Name(id) is { Length: > 0 } name ? name : null, context.RialsAsTomans);
            },
            UnitEnglish: money ? MoneyFormatter.Unit(currency, "en") : null,
            UnitPersian: money ? MoneyFormatter.Unit(currency, "fa") : null);
    }
}
