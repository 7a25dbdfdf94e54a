using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Peyvand.Kernel.Domain;

namespace Peyvand.Kernel.Api;

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>List parameters shared by every collection route: <c>?q=&amp;limit=&amp;cursor=&amp;sort=</c>.</summary>
public sealed record ListQuery(string? Q, int? Limit, string? Cursor, string? Sort)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public int EffectiveLimit => Limit ?? DefaultLimit;
}

/// <summary>
/// A sortable field of a resource: its public name and how to read it from the entity. A key only the database can
/// compute (a search rank) is read back with each row for the cursor (<paramref name="ComputedByDatabase"/>).
/// </summary>
public sealed record SortField<T>(string Name, LambdaExpression Key, bool ComputedByDatabase = false);

public static class SortField
{
    public static SortField<T> By<T, TKey>(string name, Expression<Func<T, TKey>> key) => new(name, key);

    public static SortField<T> ByDatabase<T, TKey>(string name, Expression<Func<T, TKey>> key) => new(name, key, ComputedByDatabase: true);
}

/// <summary>
/// Keyset ("seek") pagination: the cursor holds the last row's sort value and id, so page N costs what page 1 does
/// and rows inserted meanwhile never shift a page. The id breaks ties (ids are time-ordered GUID v7).
/// </summary>
public static class Keyset
{
    /// <summary>
    /// How many of the newest matches a searched list ranks. Ranking every match costs as much as there are matches
    /// (a common name at a million contacts is tens of thousands); ranking a bounded window keeps a search page's
    /// cost independent of the table's size. See docs/adr/0007-bounded-relevance.md.
    /// </summary>
    public const int RelevanceWindow = 200;

    public static async Task<Page<T>> PageAsync<T>(
        IQueryable<T> query, ListQuery list, IReadOnlyList<SortField<T>> sortable, CancellationToken cancellationToken)
        where T : class, IEntity
    {
        var errors = LimitErrors(list);
        var sortName = list.Sort?.TrimStart('-');
        var descending = list.Sort?.StartsWith('-') == true;
        var field = string.IsNullOrEmpty(sortName) ? sortable[0] : sortable.FirstOrDefault(s => s.Name == sortName);
        if (field is null)
            Validation.Add(errors, "sort", $"Sort by one of: {string.Join(", ", sortable.Select(s => s.Name))} (prefix '-' for descending).");
        Cursor? cursor = null;
        if (list.Cursor is not null && !Cursor.TryDecode(list.Cursor, out cursor))
            Validation.Add(errors, "cursor", "The cursor is not valid; start again without it.");
        if (errors.Count > 0)
            throw new InvalidInputException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        if (cursor is not null)
        {
            object? value;
            try
            {
                value = ConvertValue(cursor.Value, field!.Key.ReturnType);
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or ArgumentException or OverflowException)
            {
                throw new InvalidInputException("cursor", "The cursor does not fit this sort order; start again without it.");
            }
            query = query.Where(After<T>(field.Key, value, cursor.Id, descending));
        }

        query = Order(query, field!.Key, descending);
        List<T> rows;
        List<object?>? keys = null;
        if (field.ComputedByDatabase)
        {
            var keyed = await WithKey(query, field.Key).Take(list.EffectiveLimit + 1).ToListAsync(cancellationToken);
            rows = [.. keyed.Select(k => k.Row)];
            keys = [.. keyed.Select(k => k.Key)];
        }
        else
        {
            rows = await query.Take(list.EffectiveLimit + 1).ToListAsync(cancellationToken);
        }
        string? next = null;
        if (rows.Count > list.EffectiveLimit)
        {
            rows.RemoveAt(rows.Count - 1);
            var last = rows[^1];
            var value = keys is not null ? keys[rows.Count - 1] : field.Key.Compile().DynamicInvoke(last);
            next = new Cursor(Format(value), last.Id).Encode();
        }
        return new Page<T>(rows, next);
    }

    /// <summary>
    /// A searched list in relevance order at a cost that does not grow with the table: the
    /// <see cref="RelevanceWindow"/> newest matches first, best first (<paramref name="relevance"/>, then id), then every
    /// older match, newest first. With fewer matches than the window this is plain relevance order. When the matches
    /// without typos (<paramref name="withoutTypos"/>) fill the window they alone are listed: a typo never outranks a
    /// match, and testing every row for typos is what makes a common word slow. The cursor keeps the window's oldest
    /// id and that choice, so later pages rank the same window even when records are added meanwhile.
    /// </summary>
    public static async Task<Page<T>> RelevancePageAsync<T>(
        IQueryable<T> matches, IQueryable<T>? withoutTypos, Expression<Func<T, int>> relevance, ListQuery list,
        CancellationToken cancellationToken)
        where T : class, IEntity
    {
        var errors = LimitErrors(list);
        Cursor? cursor = null;
        RelevancePosition? position = null;
        if (list.Cursor is not null && (!Cursor.TryDecode(list.Cursor, out cursor) || !RelevancePosition.TryParse(cursor!.Value, out position)))
            Validation.Add(errors, "cursor", "The cursor is not valid; start again without it.");
        if (errors.Count > 0)
            throw new InvalidInputException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        var limit = list.EffectiveLimit;
        var rows = new List<T>();
        var ranks = new List<int?>();
        var plain = position?.Plain ?? false;
        Guid? floor;
        if (position is { InTail: true })
        {
            floor = cursor!.Id;
        }
        else
        {
            IQueryable<T> window;
            if (position is null)
            {
                // Ids only: the newest matches are found by walking the id index (common words) or the search index (rare ones).
                var newest = withoutTypos is null ? [] : await NewestIdsAsync(withoutTypos, cancellationToken);
                plain = newest.Count == RelevanceWindow;
                if (!plain)
                    newest = await NewestIdsAsync(matches, cancellationToken);
                floor = newest.Count == RelevanceWindow ? newest[^1] : null;
                window = matches.Where(e => newest.Contains(e.Id));
            }
            else
            {
                floor = position.Floor;
                window = Chosen(matches, withoutTypos, plain);
                window = floor is { } f ? window.Where(WithIdAtLeast<T>(f)) : window;
                window = window.Where(After<T>(relevance, position.Rank, cursor!.Id, descending: false));
            }
            var keyed = await WithKey(Order(window, relevance, descending: false), relevance).Take(limit + 1).ToListAsync(cancellationToken);
            rows.AddRange(keyed.Select(k => k.Row));
            ranks.AddRange(keyed.Select(k => (int?)k.Key));
        }
        if (rows.Count <= limit && floor is { } older)
        {
            // Past the window: every older match, newest first.
            var tail = await Chosen(matches, withoutTypos, plain).Where(WithIdBelow<T>(older)).OrderByDescending(e => e.Id).Take(limit + 1 - rows.Count).ToListAsync(cancellationToken);
            rows.AddRange(tail);
            ranks.AddRange(tail.Select(_ => (int?)null));
        }

        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(rows.Count - 1);
            var last = rows.Count - 1;
            var at = ranks[last] is { } rank ? new RelevancePosition(false, rank, floor, plain) : new RelevancePosition(true, 0, null, plain);
            next = new Cursor(at.Format(), rows[last].Id).Encode();
        }
        return new Page<T>(rows, next);
    }

    private static Task<List<Guid>> NewestIdsAsync<T>(IQueryable<T> matches, CancellationToken cancellationToken) where T : class, IEntity =>
        matches.OrderByDescending(e => e.Id).Select(e => e.Id).Take(RelevanceWindow).ToListAsync(cancellationToken);

    private static IQueryable<T> Chosen<T>(IQueryable<T> matches, IQueryable<T>? withoutTypos, bool plain) =>
        plain && withoutTypos is not null ? withoutTypos : matches;

    private static Dictionary<string, List<string>> LimitErrors(ListQuery list)
    {
        var errors = new Dictionary<string, List<string>>();
        if (list.EffectiveLimit is < 1 or > ListQuery.MaxLimit)
            Validation.Add(errors, "limit", $"Must be between 1 and {ListQuery.MaxLimit}.");
        return errors;
    }

    // id >= floor and id < bound, with the same Guid comparison the keyset cursor uses.
    private static Expression<Func<T, bool>> WithIdAtLeast<T>(Guid floor) where T : class, IEntity =>
        IdCompared<T>(floor, (id, value) => Expression.Not(Compare(id, value, descending: true)));

    private static Expression<Func<T, bool>> WithIdBelow<T>(Guid bound) where T : class, IEntity =>
        IdCompared<T>(bound, (id, value) => Compare(id, value, descending: true));

    private static Expression<Func<T, bool>> IdCompared<T>(Guid value, Func<Expression, Expression, Expression> compare)
        where T : class, IEntity
    {
        var e = Expression.Parameter(typeof(T), "e");
        var id = Expression.Property(Expression.Convert(e, typeof(IEntity)), nameof(IEntity.Id));
        return Expression.Lambda<Func<T, bool>>(compare(id, Parameter(value, typeof(Guid))), e);
    }

    /// <summary>
    /// Where a relevance page ended: at a rank inside the window (whose oldest id is the floor), or in the tail; and
    /// whether the list holds only matches without typos.
    /// </summary>
    private sealed record RelevancePosition(bool InTail, int Rank, Guid? Floor, bool Plain)
    {
        private const string Tail = "tail";

        public string Format() =>
            $"{(InTail ? Tail : Rank.ToString(System.Globalization.CultureInfo.InvariantCulture))}/{Floor}/{(Plain ? "p" : "t")}";

        public static bool TryParse(string? value, out RelevancePosition? position)
        {
            position = null;
            var parts = value?.Split('/') ?? [];
            if (parts.Length != 3 || parts[2] is not ("p" or "t"))
                return false;
            var inTail = parts[0] == Tail;
            var rank = 0;
            if (!inTail && !int.TryParse(parts[0], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out rank))
                return false;
            Guid? floor = null;
            if (parts[1].Length > 0)
            {
                if (!Guid.TryParse(parts[1], out var parsed))
                    return false;
                floor = parsed;
            }
            position = new RelevancePosition(inTail, rank, floor, parts[2] == "p");
            return true;
        }
    }

    private static IQueryable<T> Order<T>(IQueryable<T> query, LambdaExpression key, bool descending)
        where T : class, IEntity
    {
        var primary = Expression.Call(typeof(Queryable), descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy),
            [typeof(T), key.ReturnType], query.Expression, Expression.Quote(key));
        var ordered = (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(primary);
        return descending ? ordered.ThenByDescending(e => e.Id) : ordered.ThenBy(e => e.Id);
    }

    private static IQueryable<KeyedRow<T>> WithKey<T>(IQueryable<T> query, LambdaExpression key)
    {
        var constructor = typeof(KeyedRow<T>).GetConstructors()[0];
        var body = Expression.New(constructor, key.Parameters[0], Expression.Convert(key.Body, typeof(object)));
        return query.Select(Expression.Lambda<Func<T, KeyedRow<T>>>(body, key.Parameters[0]));
    }

    private sealed record KeyedRow<T>(T Row, object? Key);

    // (key > v) OR (key = v AND id > lastId), mirrored for descending order.
    private static Expression<Func<T, bool>> After<T>(LambdaExpression key, object? value, Guid lastId, bool descending)
        where T : class, IEntity
    {
        var e = key.Parameters[0];
        var keyBody = key.Body;
        var valueExpr = Parameter(value, key.ReturnType);
        var idExpr = Expression.Property(Expression.Convert(e, typeof(IEntity)), nameof(IEntity.Id));
        var lastIdExpr = Parameter(lastId, typeof(Guid));

        var beyondKey = Compare(keyBody, valueExpr, descending);
        var sameKey = Expression.Equal(keyBody, valueExpr);
        var beyondId = Compare(idExpr, lastIdExpr, descending);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(beyondKey, Expression.AndAlso(sameKey, beyondId)), e);
    }

    private static BinaryExpression Compare(Expression left, Expression right, bool descending)
    {
        Expression comparison;
        if (left.Type == typeof(string))
            comparison = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);
        else if (left.Type == typeof(Guid))
            comparison = Expression.Call(left, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, right);
        else
            return descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
        var zero = Expression.Constant(0);
        return descending ? Expression.LessThan(comparison, zero) : Expression.GreaterThan(comparison, zero);
    }

    // A closure member, not a constant: EF sends it as a SQL parameter, so one plan serves every page.
    private static MemberExpression Parameter(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    private sealed class Holder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static object? ConvertValue(string? value, Type type)
    {
        if (value is null)
            return null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
            return value;
        if (target == typeof(DateTime))
            return DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind);
        if (target == typeof(Guid))
            return Guid.Parse(value);
        if (target == typeof(DateOnly))
            return DateOnly.ParseExact(value, "O", System.Globalization.CultureInfo.InvariantCulture);
        if (target.IsEnum)
            return Enum.Parse(target, value);
        return Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record Cursor(string? Value, Guid Id)
    {
        public string Encode() =>
            Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static bool TryDecode(string text, out Cursor? cursor)
        {
            cursor = null;
            try
            {
                var base64 = text.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                cursor = JsonSerializer.Deserialize<Cursor>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
                return cursor is not null;
            }
            catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
            {
                return false;
            }
        }
    }
}
