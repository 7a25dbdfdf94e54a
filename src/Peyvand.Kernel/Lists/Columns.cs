using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Localization;

namespace Peyvand.Kernel.Lists;

/// <summary>
/// One column of a list: its key (in saved views, <c>columns=</c> and exports), its English and Persian label, and how
/// a row shows in it as text. The same column drives the table, the column chooser and the export.
/// </summary>
/// <remarks>
/// A column of amounts names its unit (<paramref name="UnitEnglish"/>, <paramref name="UnitPersian"/>): an export writes
/// it in the header ("Budget (IRR)") and the cells as plain numbers in that unit, which a spreadsheet can add up.
/// </remarks>
public sealed record ListColumn<TView>(string Key, string English, string Persian, Func<TView, ColumnContext, string?> Value, bool Default = false,
    string? UnitEnglish = null, string? UnitPersian = null)
{
    public string Label(string language) => language == "fa" ? Persian : English;

    /// <summary>Whether the cells are numbers (amounts); an XLSX export writes them as numeric cells.</summary>
    public bool Numeric => UnitEnglish is not null;

    /// <summary>The export's header: the label, with the unit when the cells are amounts.</summary>
    public string ExportLabel(string language) =>
        (language == "fa" ? UnitPersian : UnitEnglish) is { } unit ? $"{Label(language)} ({unit})" : Label(language);
}

/// <summary>
/// What a column's value function may need: the reader's language, calendar and unit for rials (tomans when the
/// organisation shows tomans), and the names of the records rows refer to. An export's context has
/// <see cref="Export"/> set: amounts are then plain numbers in the column's unit.
/// </summary>
public sealed class ColumnContext(
    string language, CalendarKind calendar, bool persianDigits, IReadOnlyDictionary<Guid, string> names, bool rialsAsTomans = false, bool export = false)
{
    public bool RialsAsTomans { get; } = rialsAsTomans;

    public bool Export { get; } = export;

    public string Language { get; } = language;

    public CalendarKind Calendar { get; } = calendar;

    public string Name(Guid? id) => id is { } key && names.TryGetValue(key, out var name) ? name : "";

    // ShortDate writes Persian digits for fa; an export keeps ASCII ones so spreadsheets can read the dates.
    public string Date(DateOnly? date) => date is { } d ? DateFormatter.ShortDate(d, persianDigits ? Language : "en", Calendar) : "";

    public string Date(DateTime? utc) => utc is { } t ? Date(DateOnly.FromDateTime(t)) : "";

    public string Digits(string? text) => text is null ? "" : persianDigits ? Localization.Digits.ToPersian(text) : text;
}

/// <summary>A list entity that has a column catalog ("contacts"); saved views name one of these.</summary>
public interface IListEntity
{
    string Entity { get; }
}

/// <summary>
/// The fixed columns of one entity's list, and the names its rows refer to (owners, companies). Columns known only at
/// run time (custom fields) come from <see cref="IColumnSource{TView}"/>s registered beside it.
/// </summary>
public abstract class ColumnCatalog<TView> : IListEntity
{
    public abstract string Entity { get; }

    public abstract IReadOnlyList<ListColumn<TView>> Fixed { get; }

    /// <summary>Display names of the records the rows refer to, by id (owners, companies).</summary>
    public virtual Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyList<TView> rows, PeyvandDbContext db, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, string>>(new Dictionary<Guid, string>());
}

/// <summary>Extra columns of an entity's list decided at run time, per tenant (e.g. its custom fields).</summary>
public interface IColumnSource<TView>
{
    Task<IReadOnlyList<ListColumn<TView>>> ColumnsAsync(PeyvandDbContext db, CancellationToken cancellationToken);
}

/// <summary>The columns of one entity's list for the current tenant: the catalog's, then every source's.</summary>
public sealed class ListColumns<TView>(ColumnCatalog<TView> catalog, IEnumerable<IColumnSource<TView>> sources, PeyvandDbContext db)
{
    public const int MaxChosen = 50;

    public ColumnCatalog<TView> Catalog => catalog;

    public async Task<IReadOnlyList<ListColumn<TView>>> AllAsync(CancellationToken cancellationToken)
    {
        var all = new List<ListColumn<TView>>(catalog.Fixed);
        foreach (var source in sources)
            all.AddRange(await source.ColumnsAsync(db, cancellationToken));
        return all;
    }

    /// <summary>The columns named in <paramref name="keys"/> (comma-separated, in that order), or the default ones.</summary>
    public async Task<IReadOnlyList<ListColumn<TView>>> ChooseAsync(string? keys, CancellationToken cancellationToken)
    {
        var all = await AllAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(keys))
            return all.Where(c => c.Default).ToList();
        var wanted = keys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var unknown = wanted.Where(k => all.All(c => c.Key != k)).ToList();
        if (unknown.Count > 0 || wanted.Count > MaxChosen)
        {
            throw new InvalidInputException("columns",
                ApiText.Columns(MaxChosen, string.Join(", ", all.Select(c => c.Key)), string.Join(", ", unknown)));
        }
        return wanted.Select(k => all.First(c => c.Key == k)).ToList();
    }
}
