using System.Linq.Expressions;

namespace Peyvand.Kernel.Data;

/// <summary>Filters on a string-array column of derived keys (see <see cref="ModelAnnotations.IsFilterKeys"/>).</summary>
public static class KeyArrayQuery
{
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
        return query.Where(Expression.Lambda<Func<T, bool>>(body, row));
    }

    private sealed class Replacer(ParameterExpression parameter, Expression with) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? with : node;
    }
}
