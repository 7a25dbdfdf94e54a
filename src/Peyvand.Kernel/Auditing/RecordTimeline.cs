using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.CustomFields;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Text;

namespace Peyvand.Kernel.Auditing;

public sealed record TimelinePage(IReadOnlyList<TimelineItem> Items, DateTime? NextBefore);

/// <summary>Merges every module's timeline items about one record, newest first. Callers check the record is visible first.</summary>
public sealed class RecordTimeline(IEnumerable<ITimelineSource> sources)
{
    public const int MaxLimit = 200;

    public async Task<TimelinePage> ForAsync(string entityType, Guid entityId, string? types, DateTime? before, int? limit, CancellationToken cancellationToken)
    {
        var take = limit ?? 50;
        if (take is < 1 or > MaxLimit)
            throw new InvalidInputException("limit", ApiText.LimitBetween(MaxLimit));
        var wanted = string.IsNullOrWhiteSpace(types) ? null
            : types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var known = sources.SelectMany(s => s.Types).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (wanted?.FirstOrDefault(t => !known.Contains(t)) is { } unknown)
            throw new InvalidInputException("types", ApiText.TimelineTypes(unknown, string.Join(", ", known.Order())));

        var items = new List<TimelineItem>();
        foreach (var source in sources.Where(s => wanted is null || s.Types.Any(wanted.Contains)))
        {
            var found = await source.ItemsAsync(entityType, entityId, before?.ToUniversalTime(), take, cancellationToken);
            items.AddRange(wanted is null ? found : found.Where(i => wanted.Contains(i.Type)));
        }
        var page = items.OrderByDescending(i => i.At).Take(take).ToList();
        return new TimelinePage(page, page.Count == take ? page[^1].At : null);
    }
}

/// <summary>
/// Field changes from the audit log, as timeline items of type "change". Each names its fields with their labels in the
/// caller's language (<see cref="IAuditFieldLabels"/>); a change of the custom-field column is split into one change per
/// field (<c>customFields.KEY</c>), labelled by the field's definition.
/// </summary>
public sealed class AuditTimelineSource(PeyvandDbContext db, IEnumerable<IAuditFieldLabels> labels) : ITimelineSource
{
    private const string CustomFieldsColumn = "customFields";

    public IReadOnlyCollection<string> Types { get; } = ["change"];

    public async Task<IReadOnlyList<TimelineItem>> ItemsAsync(string entityType, Guid entityId, DateTime? before, int limit, CancellationToken cancellationToken)
    {
        var clrName = char.ToUpperInvariant(entityType[0]) + entityType[1..];
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == clrName && a.EntityId == entityId && (before == null || a.At < before))
            .OrderByDescending(a => a.At).Take(limit)
            .ToListAsync(cancellationToken);
        var fieldLabels = labels.FirstOrDefault(l => l.EntityType == clrName);
        IReadOnlyList<CustomFieldDefinition> definitions = [];
        if (fieldLabels?.CustomFieldEntity is { } cfEntity && entries.Any(e => e.Changes.Contains($"\"{CustomFieldsColumn}\"", StringComparison.Ordinal)))
            definitions = await CustomFieldQuery.DefinitionsAsync(db, cfEntity, cancellationToken);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa" ? "fa" : "en";
        return entries.Select(a =>
        {
            var fields = Fields(a.Changes, fieldLabels, definitions, language);
            return new TimelineItem("change", a.At, a.Action, string.Join(", ", fields.Select(f => f.Field)), a.Id, a.UserId, fields);
        }).ToList();
    }

    private static List<TimelineFieldChange> Fields(
        string changes, IAuditFieldLabels? labels, IReadOnlyList<CustomFieldDefinition> definitions, string language)
    {
        using var document = JsonDocument.Parse(changes);
        var fields = new List<TimelineFieldChange>();
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            return fields;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var before = Value(property.Value, "before");
            var after = Value(property.Value, "after");
            if (property.Name == CustomFieldsColumn && labels?.CustomFieldEntity is not null)
            {
                fields.AddRange(CustomFieldChanges(before, after, definitions, language));
                continue;
            }
            fields.Add(new TimelineFieldChange(property.Name, labels?.LabelFor(property.Name) ?? property.Name, before, after));
        }
        return fields;
    }

    // The column holds the record's values as a JSON text; the change is the keys whose values differ.
    private static IEnumerable<TimelineFieldChange> CustomFieldChanges(
        JsonElement? before, JsonElement? after, IReadOnlyList<CustomFieldDefinition> definitions, string language)
    {
        var old = Values(before);
        var now = Values(after);
        foreach (var key in old.Keys.Union(now.Keys))
        {
            old.TryGetValue(key, out var was);
            now.TryGetValue(key, out var @is);
            if (was is { } w && @is is { } i && JsonElement.DeepEquals(w, i))
                continue;
            var label = definitions.FirstOrDefault(d => d.Key == key)?.Label(language) ?? key;
            yield return new TimelineFieldChange($"{CustomFieldsColumn}.{key}", label, was, @is);
        }
    }

    private static Dictionary<string, JsonElement?> Values(JsonElement? column)
    {
        var values = new Dictionary<string, JsonElement?>();
        if (column is not { ValueKind: JsonValueKind.String } text)
            return values;
        using var document = JsonDocument.Parse(text.GetString() ?? "{}");
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            return values;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Null)
                values[property.Name] = property.Value.Clone();
        }
        return values;
    }

    private static JsonElement? Value(JsonElement change, string name) =>
        change.ValueKind == JsonValueKind.Object && change.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.Clone() : null;
}
