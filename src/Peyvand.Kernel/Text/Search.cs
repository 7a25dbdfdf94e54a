using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Peyvand.Kernel.Text;

/// <summary>Substring search over a normalised search column, one LIKE per query word (all must match).</summary>
public static class Search
{
    private const char Escape = '\\';

    /// <summary>
    /// The words of a query, normalised like stored text. A query that is mostly digits (a phone, an ID) stays one
    /// run of digits, so "0912 123 45" finds 09121234567.
    /// </summary>
    public static string[] Words(string query)
    {
        var normalized = PersianText.NormalizeForSearch(query);
        var digits = new string(normalized.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 4 && normalized.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')'))
            return [digits.StartsWith("00", StringComparison.Ordinal) ? digits[2..] : digits];
        return normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Rows whose search text contains every word of <paramref name="query"/>; indexed by pg_trgm on PostgreSQL.</summary>
    public static IQueryable<T> Matching<T>(this IQueryable<T> rows, string query, Expression<Func<T, string>> searchText)
    {
        foreach (var word in Words(query))
        {
            var pattern = $"%{word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            var parameter = searchText.Parameters[0];
            var like = Expression.Call(
                typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!,
                Expression.Constant(EF.Functions),
                searchText.Body,
                Expression.Property(Expression.Constant(new Holder(pattern)), nameof(Holder.Value)),
                Expression.Constant(Escape.ToString()));
            rows = rows.Where(Expression.Lambda<Func<T, bool>>(like, parameter));
        }
        return rows;
    }

    private sealed record Holder(string Value);
}
