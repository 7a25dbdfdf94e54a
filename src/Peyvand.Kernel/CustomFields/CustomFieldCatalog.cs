using System.Text.Json;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Localization;

namespace Peyvand.Kernel.CustomFields;

/// <summary>
/// The one place pages, list columns and exports ask about an entity's custom fields: the active definitions in order,
/// and each value as display text in the user's language and calendar (see <see cref="CustomFieldDisplay"/>).
/// </summary>
public sealed class CustomFieldCatalog(PeyvandDbContext db)
{
    public async Task<IReadOnlyList<CustomFieldDefinition>> ActiveAsync(string entityType, CancellationToken cancellationToken) =>
        [.. (await CustomFieldQuery.DefinitionsAsync(db, entityType, cancellationToken)).Where(d => !d.Archived)];

    /// <summary>A value from a view's <c>CustomFields</c> as text ("" when the record has none).</summary>
    public static string Display(
        CustomFieldDefinition definition, IReadOnlyDictionary<string, JsonElement> values, string language, CalendarKind calendar,
        Func<Guid, string?>? userName = null, bool rialsAsTomans = false) =>
        CustomFieldDisplay.Format(definition, values.TryGetValue(definition.Key, out var value) ? value : null, language, calendar, userName, rialsAsTomans);
}
