using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.JSInterop;
using Peyvand.Customers.Features;
using Peyvand.Identity.Domain;
using Peyvand.Identity.Features;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Lists;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;

namespace Peyvand.Web.Components.Customers;

public partial class RecordList<TEntity, TWrite, TView, TFilter>
{
    private const int PageSize = 25;

    [Parameter, EditorRequired] public string Entity { get; set; } = "";
    /// <summary>The singular CSS name the page's elements carry ("contact" → pv-contact-link).</summary>
    [Parameter, EditorRequired] public string ItemClass { get; set; } = "";
    [Parameter, EditorRequired] public string Title { get; set; } = "";
    [Parameter, EditorRequired] public string SearchLabel { get; set; } = "";
    [Parameter, EditorRequired] public string NoRecords { get; set; } = "";
    [Parameter, EditorRequired] public string NewLabel { get; set; } = "";
    [Parameter] public string NewIcon { get; set; } = MudBlazor.Icons.Material.Filled.Add;
    [Parameter] public IReadOnlyList<ListFilterField> Filters { get; set; } = [];
    [Parameter, EditorRequired] public IReadOnlyList<(string Value, string Label)> Sorts { get; set; } = [];
    [Parameter] public IReadOnlyList<BulkOption> BulkOptions { get; set; } = [];
    [Parameter] public string LinkColumn { get; set; } = "name";
    /// <summary>The filter record from the filter values; by default read by name as the list route reads its query string.</summary>
    [Parameter] public Func<IReadOnlyDictionary<string, string>, TFilter> BuildFilter { get; set; } = f => ListFilterParameters.Bind<TFilter>(f);
    [Parameter, EditorRequired] public Func<IQueryable<TEntity>, TFilter, IQueryable<TEntity>> ApplyFilter { get; set; } = default!;
    [Parameter, EditorRequired] public Func<TView, Guid> IdOf { get; set; } = default!;

    private readonly List<TView> _rows = [];
    // Keyed by id, not by row instance: a reload brings new instances of the same records.
    private readonly HashSet<Guid> _selected = [];
    private int _generation;
    private IReadOnlyList<Kernel.CustomFields.CustomFieldDefinition> _customFields = [];
    private readonly Dictionary<Guid, string> _names = [];
    private ColumnContext _context = new("en", Kernel.Localization.CalendarKind.Gregorian, false, new Dictionary<Guid, string>());
    private Kernel.Localization.CalendarKind _calendar;
    private bool _rialsAsTomans;
    private IReadOnlyList<ListColumn<TView>> _allColumns = [];
    private List<string> _shown = [];
    private List<SavedViewView> _views = [];
    private SavedViewView? _view;
    private List<TeamView> _teams = [];
    private Dictionary<Guid, string> _owners = [];
    private Dictionary<string, string> _filters = [];
    private string? _next;
    private bool _loading;
    private string? _q;
    private string _sort = "";
    private bool _deleted;
    private bool _exporting;
    private bool _busy;
    private string? _summary;
    private string? _bulkAction;
    private string? _bulkValue;
    private bool _saveOpen;
    private string? _saveName;
    private Guid? _saveTeam;

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa" ? "fa" : "en";

    private IEnumerable<ListColumn<TView>> ShownColumns => _shown.Select(k => _allColumns.FirstOrDefault(c => c.Key == k)).OfType<ListColumn<TView>>();

    private BulkOption? CurrentBulk => BulkOptions.FirstOrDefault(o => o.Action == _bulkAction);

    private string RecordHref(TView row) => $"/{Entity}/{IdOf(row)}";

    // The page's own sorts, then each custom field up and down (a multi select has no order worth offering).
    private IReadOnlyList<(string Value, string Label)> AllSorts =>
    [
        .. Searching ? [(ResourceService<TEntity, TWrite, TView>.RelevanceSort, T["SortRelevance"].Value)] : Array.Empty<(string, string)>(),
        .. Sorts,
        .. _customFields.Where(d => d.Type != Kernel.CustomFields.CustomFieldType.MultiSelect).SelectMany(d => new[]
        {
            (Kernel.CustomFields.CustomFieldQuery.Prefix + d.Key, T["SortAscending", d.Label(Language)].Value),
            ("-" + Kernel.CustomFields.CustomFieldQuery.Prefix + d.Key, T["SortDescending", d.Label(Language)].Value),
        }),
    ];

    private string FilterValue(string key) => _filters.TryGetValue(key, out var value) ? value : "";

    // A multiple choice is the API's comma list (lifecycleStage=lead,mql), in the options' order.
    private string[] FilterValues(string key) =>
        FilterValue(key).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private Task OnFilterValuesAsync(ListFilterField field, IReadOnlyCollection<string>? values)
    {
        var chosen = (values ?? []).ToHashSet();
        return OnFilterAsync(field.Key, string.Join(',', (field.Options ?? []).Select(o => o.Value).Where(chosen.Contains)));
    }

    private static string OptionLabel(ListFilterField field, string? value) =>
        field.Options?.FirstOrDefault(o => o.Value == value).Label ?? value ?? "";

    // Names of the companies the company filters name (a saved view keeps only the id).
    private readonly Dictionary<Guid, string> _companyNames = [];

    private CompanyOption? FilterCompany(string key) =>
        Guid.TryParse(FilterValue(key), out var id) ? new CompanyOption(id, _companyNames.GetValueOrDefault(id, "")) : null;

    private async Task<IEnumerable<CompanyOption>> SearchCompaniesAsync(string? text, CancellationToken cancellationToken)
    {
        try
        {
            var page = await RunAsync<ResourceService<Peyvand.Customers.Domain.Company, CompanyWrite, CompanyView>, Page<CompanyView>>(s => s.ListAsync(
                new ListQuery(string.IsNullOrWhiteSpace(text) ? null : text, 20, null, "name"), cancellationToken));
            foreach (var company in page.Items)
                _companyNames[company.Id] = company.Name;
            return page.Items.Select(c => new CompanyOption(c.Id, c.Name));
        }
        catch (Exception ex) when (ex is ForbiddenException or InvalidInputException or OperationCanceledException)
        {
            return [];
        }
    }

    private async Task LoadCompanyNamesAsync()
    {
        var ids = Filters.Where(f => f.IsCompany).Select(f => Guid.TryParse(FilterValue(f.Key), out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty && !_companyNames.ContainsKey(id)).ToList();
        if (ids.Count == 0)
            return;
        await TryAsync(async () =>
        {
            var names = await RunAsync<IServiceProvider, IReadOnlyDictionary<Guid, string>>(services => CustomerLists.NamesAsync(
                [], ids.Select(id => (Guid?)id), services.GetRequiredService<PeyvandDbContext>(), CancellationToken.None));
            foreach (var (id, name) in names)
                _companyNames[id] = name;
        });
    }

    // The owner select shows "no owner" for the list's unassigned=true, as the API takes it.
    private string OwnerValue => FilterValue("unassigned") == "true" ? NoOwner : FilterValue("ownerId");

    private async Task OnOwnerAsync(string? value)
    {
        if ((value ?? "") == OwnerValue)
            return;
        _filters.Remove("ownerId");
        _filters.Remove("unassigned");
        if (value == NoOwner)
            _filters["unassigned"] = "true";
        else if (!string.IsNullOrWhiteSpace(value))
            _filters["ownerId"] = value;
        await ReloadAsync();
    }

    /// <summary>The owner select's value for records without an owner (kept as the API's <c>unassigned=true</c>).</summary>
    public const string NoOwner = "none";

    private bool _moreOpen;

    private int MoreActive => Filters.Count(f => f.More && _filters.ContainsKey(f.Key));

    private DateTime? FilterDate(string key) =>
        DateTime.TryParseExact(FilterValue(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private bool AllSelected => _rows.Count > 0 && _rows.All(r => _selected.Contains(IdOf(r)));

    private void Toggle(TView row, bool on)
    {
        if (on)
            _selected.Add(IdOf(row));
        else
            _selected.Remove(IdOf(row));
    }

    private void ToggleAll(bool on)
    {
        foreach (var row in _rows)
            Toggle(row, on);
    }

    // The custom-field conditions go to the services as the list's query parameters, as the API receives them.
    private List<KeyValuePair<string, string?>> CustomFieldParameters() =>
        _filters.Where(f => f.Key.StartsWith(Kernel.CustomFields.CustomFieldQuery.Prefix, StringComparison.Ordinal))
            .Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)).ToList();

    private async Task AddCustomFilterAsync((string Parameter, string Value) condition)
    {
        _filters[condition.Parameter] = condition.Value;
        await ReloadAsync();
    }

    private async Task RemoveFilterAsync(string key)
    {
        _filters.Remove(key);
        await ReloadAsync();
    }

    /// <summary>A custom-field condition as people read it: "Budget ≥ ۱۰۰".</summary>
    private string CustomFilterText(string parameter, string value)
    {
        var parts = parameter[Kernel.CustomFields.CustomFieldQuery.Prefix.Length..].Split('.');
        if (_customFields.FirstOrDefault(d => d.Key == parts[0]) is not { } d)
            return $"{parameter} = {value}";
        var op = parts.Length > 1 ? parts[1] : "eq";
        var shown = d.Type switch
        {
            Kernel.CustomFields.CustomFieldType.Boolean => value == "true" ? T["Yes"].Value : T["No"].Value,
            Kernel.CustomFields.CustomFieldType.MultiSelect or Kernel.CustomFields.CustomFieldType.SingleSelect =>
                d.Options.FirstOrDefault(o => o.Value == value)?.Label(Language) ?? value,
            Kernel.CustomFields.CustomFieldType.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
                Kernel.Localization.DateFormatter.ShortDate(date, Language, _calendar),
            Kernel.CustomFields.CustomFieldType.User when Guid.TryParse(value, out var user) && _owners.TryGetValue(user, out var name) => name,
            _ => Num(value),
        };
        return $"{d.Label(Language)} {CustomFieldFilter.OperatorText(T, d, op)} {shown}";
    }

    protected override async Task OnInitializedAsync()
    {
        _sort = Sorts[0].Value;
        var clock = await Operations.ClockAsync();
        (_calendar, _rialsAsTomans) = (clock.Calendar, clock.RialsAsTomans);
        await TryAsync(async () =>
        {
            _allColumns = await RunAsync<ListColumns<TView>, IReadOnlyList<ListColumn<TView>>>(c => c.AllAsync(CancellationToken.None));
            _shown = DefaultColumns();
            _owners = await OwnerNamesAsync();
            var entity = Entity;
            _customFields = await RunAsync<Kernel.CustomFields.CustomFieldCatalog, IReadOnlyList<Kernel.CustomFields.CustomFieldDefinition>>(
                c => c.ActiveAsync(entity, CancellationToken.None));
            await LoadViewsAsync();
        });
        Use(ListAddress.Parse(Navigation.Uri, this));
        await LoadCompanyNamesAsync();
        Navigation.LocationChanged += OnLocationChanged;
        await LoadAsync(null, ++_generation);
    }

    private List<string> DefaultColumns() => _allColumns.Where(c => c.Default).Select(c => c.Key).ToList();

    // The debounced search box reports its value again on blur (e.g. when a row checkbox is clicked): reloading then
    // would drop the selection.
    private async Task OnSearchAsync(string? q)
    {
        if ((q ?? "") == (_q ?? ""))
            return;
        // A search lists the best matches first unless another order was chosen (in list order, a common surname makes the
        // database walk the whole index: seconds at 1 M contacts instead of milliseconds); without one, the page's order.
        var defaultOrder = _sort == DefaultSort;
        _q = q;
        if (defaultOrder || !AllSorts.Any(o => o.Value == _sort))
            _sort = DefaultSort;
        await ReloadAsync();
    }

    private bool Searching => !string.IsNullOrWhiteSpace(_q);

    /// <summary>Best match first while searching (<c>relevance</c>, as the list API without a sort), else the page's first order.</summary>
    private string DefaultSort => Searching ? ResourceService<TEntity, TWrite, TView>.RelevanceSort : Sorts[0].Value;

    private async Task OnSortAsync(string sort) { _sort = sort; await ReloadAsync(); }
    private async Task OnDeletedAsync(bool deleted) { _deleted = deleted; _selected.Clear(); _rows.Clear(); await ReloadAsync(); }

    private async Task OnFilterAsync(string key, string? value)
    {
        if ((value?.Trim() ?? "") == FilterValue(key))
            return;
        if (string.IsNullOrWhiteSpace(value))
            _filters.Remove(key);
        else
            _filters[key] = value.Trim();
        await ReloadAsync();
    }

    private void ToggleColumn(string key, bool on)
    {
        var keys = _shown.ToHashSet();
        if (on)
            keys.Add(key);
        else if (keys.Count > 1)
            keys.Remove(key);
        _shown = _allColumns.Where(c => keys.Contains(c.Key)).Select(c => c.Key).ToList();
        KeepInAddress();
    }

    // A reload (new search, filter or sort) keeps the rows on screen, and tickable, until the new page arrives; then
    // the selection keeps every record still in view, including those ticked while it was loading. Only the newest
    // load lands: a slower, older one is dropped.
    private Task ReloadAsync()
    {
        KeepInAddress();
        return LoadAsync(null, ++_generation);
    }

    private Task LoadMoreAsync() => LoadAsync(_next, _generation);

    private static bool Same(TView a, TView b) =>
        System.Text.Json.JsonSerializer.Serialize(a, PeyvandJson.Options) == System.Text.Json.JsonSerializer.Serialize(b, PeyvandJson.Options);

    private async Task LoadAsync(string? cursor, int generation)
    {
        _loading = true;
        var filter = BuildFilter(_filters);
        var parameters = CustomFieldParameters();
        var list = new ListQuery(string.IsNullOrWhiteSpace(_q) ? null : _q, PageSize, cursor, _sort);
        var deleted = _deleted;
        await TryAsync(async () =>
        {
            var (page, names) = await RunAsync<IServiceProvider, (Page<TView>, IReadOnlyDictionary<Guid, string>)>(async services =>
            {
                var records = services.GetRequiredService<ResourceService<TEntity, TWrite, TView>>();
                var prepared = deleted ? filter : await services.PrepareFilterAsync(filter, CancellationToken.None);
                var page = deleted
                    ? await records.ListDeletedAsync(list, CancellationToken.None)
                    : await records.ListAsync(list, CancellationToken.None, q => ApplyFilter(q, prepared), parameters);
                var names = await services.GetRequiredService<ColumnCatalog<TView>>()
                    .NamesAsync(page.Items, services.GetRequiredService<PeyvandDbContext>(), CancellationToken.None);
                return (page, names);
            });
            if (generation != _generation)
                return;
            if (cursor is null)
            {
                // Rows that did not change keep their instance, so the table keeps their components (and a tick
                // clicked while the result arrived lands on a live checkbox).
                var shown = _rows.ToDictionary(IdOf);
                var rows = page.Items.Select(r => shown.TryGetValue(IdOf(r), out var old) && Same(old, r) ? old : r).ToList();
                _rows.Clear();
                _rows.AddRange(rows);
                var inView = _rows.Select(IdOf).ToHashSet();
                _selected.IntersectWith(inView);
            }
            else
            {
                _rows.AddRange(page.Items);
            }
            _next = page.NextCursor;
            foreach (var (id, name) in names)
                _names[id] = name;
            _context = new ColumnContext(Language, _calendar, IsPersian, _names, _rialsAsTomans);
        });
        if (generation != _generation)
            return;
        if (Errors.Count > 0)
            Problem = string.Join(" ", Errors.Values.SelectMany(v => v));
        _loading = false;
        if (cursor is null)
            await CountAsync(generation, filter, parameters, list.Q, list.Sort, deleted);
    }

    /// <summary>Past this many matches the list says "10,000+": counting every match of a broad search costs more than it tells.</summary>
    public const int CountUpTo = 10_000;

    private int? _total;

    // The rows are shown first; the count follows (it reads every match, the page only the first few).
    private async Task CountAsync(int generation, TFilter filter, List<KeyValuePair<string, string?>> parameters, string? q, string? sort, bool deleted)
    {
        if (deleted || Problem is not null)
        {
            _total = null;
            return;
        }
        StateHasChanged();
        try
        {
            var total = await RunAsync<IServiceProvider, int>(async services =>
            {
                var prepared = await services.PrepareFilterAsync(filter, CancellationToken.None);
                return await services.GetRequiredService<ResourceService<TEntity, TWrite, TView>>()
                    .CountAsync(q, CancellationToken.None, rows => ApplyFilter(rows, prepared), parameters, CountUpTo, sort);
            });
            if (generation == _generation)
                _total = total;
        }
        catch (Exception ex) when (ex is InvalidInputException or ForbiddenException)
        {
            _total = null;
        }
    }

    private string TotalText(int total) =>
        T[(total == 1 ? "ListCountOne_" : "ListCount_") + Entity, Num(Math.Min(total, CountUpTo).ToString("N0", CultureInfo.CurrentCulture)) + (total > CountUpTo ? "+" : "")];

    private async Task ExportAsync(string format)
    {
        _exporting = true;
        StateHasChanged();
        var filter = BuildFilter(_filters);
        var parameters = CustomFieldParameters();
        var query = new ExportQuery(format, string.Join(',', _shown), string.IsNullOrWhiteSpace(_q) ? null : _q, _sort, Language,
            _calendar == Kernel.Localization.CalendarKind.Jalali ? "jalali" : "gregorian");
        (string Name, string Type, byte[] Bytes)? file = null;
        await TryAsync(async () =>
        {
            file = await RunAsync<IServiceProvider, (string, string, byte[])>(async services =>
            {
                var exporter = services.GetRequiredService<ListExporter<TEntity, TWrite, TView>>();
                var prepared = await services.PrepareFilterAsync(filter, CancellationToken.None);
                var export = await exporter.PrepareAsync(query, q => ApplyFilter(q, prepared), CancellationToken.None, parameters);
                using var buffer = new MemoryStream();
                await export.WriteAsync(buffer, CancellationToken.None);
                return (export.FileName, export.ContentType, buffer.ToArray());
            });
        });
        if (Errors.Count > 0)
            Problem = string.Join(" ", Errors.Values.SelectMany(v => v));
        if (file is { } f)
        {
            using var stream = new DotNetStreamReference(new MemoryStream(f.Bytes));
            await JS.InvokeVoidAsync("peyvandDownload", f.Name, f.Type, stream);
        }
        _exporting = false;
    }

    private async Task ApplyBulkAsync()
    {
        if (CurrentBulk is not { } option)
            return;
        var ids = _selected.ToList();
        var count = Num(ids.Count.ToString(CultureInfo.InvariantCulture));
        if (await DialogService.ShowMessageBoxAsync(T["BulkConfirmTitle"], T["BulkConfirm", option.Label, count], T["Apply"], cancelText: T["Cancel"]) != true)
            return;
        _busy = true;
        var value = option.Value == BulkValueKind.None ? null : _bulkValue;
        BulkResult? result = null;
        await TryAsync(async () => result = await RunAsync<BulkActions<TEntity, TWrite, TView>, BulkResult>(
            b => b.ApplyAsync(new BulkRequest<TFilter>(ids, null, null, option.Action, value), ApplyFilter, CancellationToken.None)));
        if (Errors.Count > 0)
            Problem = string.Join(" ", Errors.Values.SelectMany(v => v));
        _busy = false;
        if (result is { } r)
        {
            _summary = T["BulkSummary", option.Label, Num(r.Changed.ToString(CultureInfo.InvariantCulture)),
                Num(r.Unchanged.ToString(CultureInfo.InvariantCulture)), Num(r.Skipped.ToString(CultureInfo.InvariantCulture))];
            _bulkValue = null;
            await ReloadAsync();
        }
    }

    private async Task RestoreAsync(TView row)
    {
        if (await TryAsync(() => RunAsync<ResourceService<TEntity, TWrite, TView>, Versioned<TView>>(
                s => s.RestoreAsync(IdOf(row), CancellationToken.None))))
            await ReloadAsync();
    }

    private async Task LoadViewsAsync()
    {
        var entity = Entity;
        var views = await RunAsync<ResourceService<SavedView, SavedViewWrite, SavedViewView>, Page<SavedViewView>>(
            s => s.ListAsync(new ListQuery(null, ListQuery.MaxLimit, null, "name"), CancellationToken.None,
                q => SavedViewResource.Filter(q, new SavedViewFilter(entity))));
        _views = [.. views.Items];
    }

    private async Task ApplyViewAsync(SavedViewView view)
    {
        _view = view;
        _filters = new Dictionary<string, string>(view.Filters);
        await LoadCompanyNamesAsync();
        _q = view.Q;
        _sort = view.Sort is { } sort && AllSorts.Any(s => s.Value == sort) ? sort : DefaultSort;
        var known = view.Columns.Where(k => _allColumns.Any(c => c.Key == k)).ToList();
        _shown = known.Count > 0 ? known : DefaultColumns();
        _deleted = false;
        await ReloadAsync();
    }

    private async Task ResetViewAsync()
    {
        _view = null;
        _filters = [];
        _q = null;
        _sort = Sorts[0].Value;
        _shown = DefaultColumns();
        await ReloadAsync();
    }

    private async Task OpenSave()
    {
        _saveOpen = true;
        _saveName = null;
        _saveTeam = null;
        var me = Me.UserId;
        if (me is { } id && May("teams", PermissionAction.Read))
        {
            await TryAsync(async () =>
            {
                var teams = await RunAsync<ResourceService<Team, TeamWrite, TeamView>, Page<TeamView>>(
                    s => s.ListAsync(new ListQuery(null, ListQuery.MaxLimit, null, null), CancellationToken.None, q => q.Where(t => t.MemberIds.Contains(id))));
                _teams = [.. teams.Items];
            });
        }
    }

    private async Task SaveViewAsync()
    {
        var write = new SavedViewWrite(_saveName ?? "", Entity, new Dictionary<string, string>(_filters),
            string.IsNullOrWhiteSpace(_q) ? null : _q, _sort, [.. _shown], _saveTeam);
        Versioned<SavedViewView>? saved = null;
        if (await TryAsync(async () => saved = await RunAsync<ResourceService<SavedView, SavedViewWrite, SavedViewView>, Versioned<SavedViewView>>(
                s => s.CreateAsync(write, CancellationToken.None))))
        {
            _saveOpen = false;
            await LoadViewsAsync();
            _view = saved!.View;
            KeepInAddress();
        }
    }

    private async Task DeleteViewAsync()
    {
        if (_view is not { } view)
            return;
        if (await DialogService.ShowMessageBoxAsync(T["DeleteView", view.Name], T["ConfirmDeleteView", view.Name], T["Delete"], cancelText: T["Cancel"]) != true)
            return;
        if (await TryAsync(async () => await RunAsync<ResourceService<SavedView, SavedViewWrite, SavedViewView>, bool>(async s =>
            {
                await s.DeleteAsync(view.Id, null, CancellationToken.None);
                return true;
            })))
        {
            await LoadViewsAsync();
            await ResetViewAsync();
        }
    }

    /// <summary>
    /// The list as its address: the list API's own parameters (<c>q</c>, <c>sort</c>, the filters, <c>cf.*</c>) plus
    /// the columns, the deleted switch and the saved view, so a reload, the browser's back button and a shared link
    /// bring the same list back (<c>/contacts?lifecycleStage=lead,mql&amp;sort=-createdAt</c> lists what
    /// <c>GET /api/v1/contacts</c> does with the same query). Defaults are left out.
    /// </summary>
    private sealed record ListAddress(string? Q, string Sort, IReadOnlyDictionary<string, string> Filters, IReadOnlyList<string> Columns,
        bool Deleted, Guid? ViewId)
    {
        private static readonly HashSet<string> FilterNames = [.. ListFilterParameters.Names<TFilter>()];

        public static ListAddress Of(RecordList<TEntity, TWrite, TView, TFilter> list) =>
            new(string.IsNullOrWhiteSpace(list._q) ? null : list._q.Trim(), list._sort, list._filters, list._shown, list._deleted, list._view?.Id);

        /// <summary>What an address asks for, keeping only what this list knows (unknown keys, sorts and columns are dropped).</summary>
        public static ListAddress Parse(string uri, RecordList<TEntity, TWrite, TView, TFilter> list)
        {
            var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
            string? One(string key) => query.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;
            var q = One("q");
            const string relevance = ResourceService<TEntity, TWrite, TView>.RelevanceSort;
            var sort = One("sort") is { } s && (list.AllSorts.Any(o => o.Value == s) || (q is not null && s == relevance))
                ? s
                : q is null ? list.Sorts[0].Value : relevance;
            // A key given twice (tag=a&tag=b) reads as the API's comma list.
            var filters = query
                .Where(p => FilterNames.Contains(p.Key) || p.Key.StartsWith(Kernel.CustomFields.CustomFieldQuery.Prefix, StringComparison.Ordinal))
                .Select(p => (p.Key, Value: p.Value.ToString().Trim()))
                .Where(p => p.Value.Length > 0)
                .ToDictionary(p => p.Key, p => p.Value);
            var columns = (One("columns") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(k => list._allColumns.Any(c => c.Key == k)).Distinct().ToList();
            return new ListAddress(q, sort, filters, columns.Count > 0 ? columns : list.DefaultColumns(),
                One("deleted") == "true" && list.May(list.Entity, PermissionAction.Delete),
                list._views.FirstOrDefault(v => Guid.TryParse(One("view"), out var id) && v.Id == id)?.Id);
        }

        /// <summary>The query string, defaults left out, in a fixed order (so two addresses of one list compare as text).</summary>
        public string Query(RecordList<TEntity, TWrite, TView, TFilter> list)
        {
            var parameters = new List<KeyValuePair<string, string?>>();
            if (Q is not null)
                parameters.Add(new("q", Q));
            if (Sort != (Q is null ? list.Sorts[0].Value : ResourceService<TEntity, TWrite, TView>.RelevanceSort))
                parameters.Add(new("sort", Sort));
            parameters.AddRange(Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)));
            if (!Columns.SequenceEqual(list.DefaultColumns()))
                parameters.Add(new("columns", string.Join(',', Columns)));
            if (Deleted)
                parameters.Add(new("deleted", "true"));
            if (ViewId is { } view)
                parameters.Add(new("view", view.ToString()));
            return QueryString.Create(parameters).ToUriComponent();
        }
    }

    private void Use(ListAddress address)
    {
        _q = address.Q;
        _sort = address.Sort;
        _filters = new Dictionary<string, string>(address.Filters);
        _shown = [.. address.Columns];
        _deleted = address.Deleted;
        _view = address.ViewId is { } id ? _views.FirstOrDefault(v => v.Id == id) : null;
    }

    // The replacements this list asked for and the browser has not yet reported back (by their history-entry state).
    private readonly HashSet<string> _ownNavigations = [];

    /// <summary>Puts the list's state in the address bar, replacing the entry (a filter is not a page of its own in the history).</summary>
    private void KeepInAddress()
    {
        if (!RendererInfo.IsInteractive)
            return;
        var query = ListAddress.Of(this).Query(this);
        if (query == new Uri(Navigation.Uri).Query)
            return;
        var token = Guid.NewGuid().ToString("N");
        _ownNavigations.Add(token);
        Navigation.NavigateTo(Entity + query, new NavigationOptions { ReplaceHistoryEntry = true, HistoryEntryState = token });
    }

    // Another address of this list (the menu's plain link, a pasted link, back to an older entry): the list follows it.
    // Its own replacements come back late, after further changes may have been made, and are passed over.
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (!string.Equals(Navigation.ToBaseRelativePath(e.Location).Split('?', '#')[0], Entity, StringComparison.OrdinalIgnoreCase))
            return;
        _ = InvokeAsync(async () =>
        {
            if (e.HistoryEntryState is { } state && _ownNavigations.Remove(state))
                return;
            var address = ListAddress.Parse(e.Location, this);
            if (address.Query(this) == ListAddress.Of(this).Query(this))
                return;
            Use(address);
            _selected.Clear();
            await LoadCompanyNamesAsync();
            await LoadAsync(null, ++_generation);
            StateHasChanged();
        });
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        GC.SuppressFinalize(this);
    }
}
