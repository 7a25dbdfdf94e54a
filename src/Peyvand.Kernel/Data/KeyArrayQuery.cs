using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Peyvand.Kernel.Domain;

namespace Peyvand.Kernel.Data;

/// <summary>Filters on a string-array column of derived keys (see <see cref="ModelAnnotations.IsFilterKeys"/>) or tags.</summary>
public static class KeyArrayQuery
{
    /// <summary>Up to this many matches a list is sorted from the matches themselves (see <see cref="NarrowAsync{T}"/>).</summary>
    public const int FewMatches = 2000;

    /// <summary>How long the keys PostgreSQL's statistics call common are remembered before they are read again.</summary>
    private static readonly TimeSpan CommonKeysLifetime = TimeSpan.FromMinutes(5);

    // The conditions WithAnyKey built, with their column and keys, so NarrowAsync can find them in a query's expression.
    private static readonly ConditionalWeakTable<LambdaExpression, KeyCondition> KeyConditions = [];

    private static readonly ConcurrentDictionary<(string? Database, string Table, string Column), CommonKeys> Common = new();

    /// <summary>
    /// Rows whose <paramref name="keys"/> hold at least one of <paramref name="wanted"/>. One key is written as
    /// containment (<c>keys @&gt; ARRAY[k]</c> on PostgreSQL), several as overlap (<c>keys &amp;&amp; ARRAY[…]</c>): the GIN
    /// index on the column answers both. On SQLite both become an EXISTS over json_each of the JSON array.
    /// </summary>
    public static IQueryable<T> WithAnyKey<T>(this IQueryable<T> query, Expression<Func<T, List<string>>> keys, IReadOnlyCollection<string> wanted)
    {
        var row = keys.Parameters[0];
        var array = wanted.Distinct(StringComparer.Ordinal).ToArray();
        Expression<Func<List<string>, bool>> test = array.Length == 1
            ? k => array.All(w => k.Contains(w))
            : k => k.Any(w => array.Contains(w));
        var body = new Replacer(test.Parameters[0], keys.Body).Visit(test.Body);
        var condition = Expression.Lambda<Func<T, bool>>(body, row);
        KeyConditions.AddOrUpdate(condition, new KeyCondition(MemberName(keys.Body), array));
        return query.Where(condition);
    }

    /// <summary>
    /// Keeps a keyed list fast when its keys are rare. Under <c>ORDER BY … LIMIT</c> PostgreSQL either walks the sort's
    /// index testing each row's keys (quick when matches are common: a full page comes early) or takes every match from
    /// the GIN index and sorts them (quick when they are few). It chooses by its statistics, and a key they do not list
    /// among the column's common elements is estimated at up to 0.5 % of the table, whether no row holds it or a few
    /// do: with none the walk reads the whole organisation (seconds at a million contacts). A key missing from those
    /// statistics is rare, so its matches are cheap to take from the GIN index: when every key of a condition is such
    /// a key, this fetches the matching ids (at most <see cref="FewMatches"/> + 1, by a bitmap scan) and, if there are
    /// that few, adds them to the query, which PostgreSQL then reads by primary key and sorts. Common keys are left to
    /// the planner: asking the GIN index for them would cost more than the walk (tens of milliseconds for a province).
    /// SQLite (no index on keys; small organisations) and queries inside a transaction are left as they are.
    /// </summary>
    public static async Task<IQueryable<T>> NarrowAsync<T>(PeyvandDbContext db, IQueryable<T> query, CancellationToken cancellationToken)
        where T : class, IEntity
    {
        var conditions = ConditionsOf<T>(query.Expression);
        if (conditions.Count == 0 || !db.IsPostgres || db.Database.CurrentTransaction is not null)
            return query;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var rare = new List<Expression<Func<T, bool>>>();
        foreach (var (condition, keys) in conditions)
        {
            var column = entity.FindProperty(keys.Member)?.GetColumnName(table);
            if (column is null)
                continue;
            var common = await CommonKeysAsync(db, table.Name, column, cancellationToken);
            if (!keys.Wanted.Any(common.Contains))
                rare.Add(condition);
        }
        if (rare.Count == 0)
            return query;

        var matching = db.Set<T>().AsNoTracking();
        foreach (var condition in rare)
            matching = matching.Where(condition);
        List<Guid> ids;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Planner settings for this transaction only: a bitmap scan is the one plan left, so the GIN index answers.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off", cancellationToken);
            ids = await matching.Select(e => e.Id).Take(FewMatches + 1).ToListAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return ids.Count > FewMatches ? query : query.Where(e => ids.Contains(e.Id));
    }

    // The elements PostgreSQL's statistics list as common in a text[] column (none before its first ANALYZE).
    private static async Task<IReadOnlySet<string>> CommonKeysAsync(PeyvandDbContext db, string table, string column, CancellationToken cancellationToken)
    {
        var key = (db.Database.GetDbConnection().Database, table, column);
        if (Common.TryGetValue(key, out var known) && Environment.TickCount64 - known.ReadAt < (long)CommonKeysLifetime.TotalMilliseconds)
            return known.Keys;
        var elements = await db.Database
            .SqlQuery<string[]>($"SELECT most_common_elems::text::text[] AS \"Value\" FROM pg_stats WHERE schemaname = current_schema() AND tablename = {table} AND attname = {column}")
            .ToListAsync(cancellationToken);
        var keys = new HashSet<string>(elements.FirstOrDefault() ?? [], StringComparer.Ordinal);
        Common[key] = new CommonKeys(keys, Environment.TickCount64);
        return keys;
    }

    // The key conditions among the filters applied directly to this query's rows (Where calls down its chain).
    private static List<(Expression<Func<T, bool>> Condition, KeyCondition Keys)> ConditionsOf<T>(Expression expression)
    {
        var found = new List<(Expression<Func<T, bool>>, KeyCondition)>();
        while (expression is MethodCallExpression { Arguments: [var source, ..] } call && typeof(IQueryable<T>).IsAssignableFrom(source.Type))
        {
            if (call.Method.DeclaringType == typeof(Queryable) && call.Method.Name == nameof(Queryable.Where)
                && call.Arguments[1] is UnaryExpression { Operand: Expression<Func<T, bool>> condition }
                && KeyConditions.TryGetValue(condition, out var keys))
                found.Add((condition, keys));
            expression = source;
        }
        return found;
    }

    private static string MemberName(Expression keys) => keys switch
    {
        MemberExpression member => member.Member.Name,
        UnaryExpression { NodeType: ExpressionType.Convert } convert => MemberName(convert.Operand),
        _ => throw new ArgumentException("Keys must be a property of the row.", nameof(keys)),
    };

    private sealed record KeyCondition(string Member, string[] Wanted);

    // ReadAt is Environment.TickCount64: a refresh interval, not a time of day.
    private sealed record CommonKeys(IReadOnlySet<string> Keys, long ReadAt);

    private sealed class Replacer(ParameterExpression parameter, Expression with) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? with : node;
    }
}
