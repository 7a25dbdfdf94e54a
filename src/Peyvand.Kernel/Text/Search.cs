using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Domain;

namespace Peyvand.Kernel.Text;

/// <summary>
/// Search over a normalised search column: every query word must occur in the text (as a word, a word's start or
/// anywhere) or be within typo distance of a word in it (trigram word similarity ≥ <see cref="FuzzyThreshold"/>).
/// PostgreSQL answers from its pg_trgm GIN index (LIKE and <c>&lt;%</c>); SQLite from an FTS5 trigram index of
/// candidates, scored by the same similarity (<see cref="Trigrams"/>). See docs/adr/0006-search.md.
/// </summary>
public static class Search
{
    /// <summary>The least word similarity that counts as a typo of a word (pg_trgm.word_similarity_threshold on PostgreSQL).</summary>
    public const double FuzzyThreshold = 0.5;

    /// <summary>Rank tiers per query word, lower first: the word itself, a word starting with it, inside a word, a near miss.</summary>
    public const int Exact = 0, Prefix = 1, Infix = 2, Fuzzy = 3;

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

    /// <summary>Whether a query word may match by similarity: numbers never do (a number one digit off is someone else's).</summary>
    public static bool AllowsTypos(string word) => word.Length >= 3 && !word.All(char.IsAsciiDigit);

    /// <summary>The rank of one query word against a text, as the database computes it (for tests and in-memory use).</summary>
    public static int RankOf(string word, string text)
    {
        if ($" {text} ".Contains($" {word} ", StringComparison.Ordinal))
            return Exact;
        if ($" {text}".Contains($" {word}", StringComparison.Ordinal))
            return Prefix;
        if (text.Contains(word, StringComparison.Ordinal))
            return Infix;
        return Fuzzy + FuzzyPenalty(Trigrams.WordSimilarity(word, text));
    }

    // 0 for a perfect fit … 5 at the threshold: closer typos rank first.
    private static int FuzzyPenalty(double similarity) => (int)((1 - similarity) * 10);

    /// <summary>pg_trgm's word_similarity; on SQLite a function registered on each connection (<see cref="Trigrams.WordSimilarity"/>).</summary>
    public static double WordSimilarity(string word, string text) => Trigrams.WordSimilarity(word, text);

    /// <summary>
    /// Rows whose search text matches every word of <paramref name="query"/>, exactly, by prefix, inside a word or
    /// (unless <paramref name="typos"/> is false) with a typo.
    /// </summary>
    public static IQueryable<T> Matching<T>(
        this IQueryable<T> rows, PeyvandDbContext db, string query, Expression<Func<T, string>> searchText, bool typos = true)
        where T : class, IEntity
    {
        var text = searchText.Body;
        var p = searchText.Parameters[0];
        foreach (var word in Words(query))
        {
            Expression condition = Like(text, $"%{Escaped(word)}%");
            if (typos && AllowsTypos(word))
            {
                condition = db.IsPostgres
                    ? Expression.OrElse(condition, Expression.Call(
                        typeof(NpgsqlTrigramsDbFunctionsExtensions).GetMethod(nameof(NpgsqlTrigramsDbFunctionsExtensions.TrigramsAreWordSimilar))!,
                        Expression.Constant(EF.Functions), Value(word), text))
                    : Expression.OrElse(condition, Expression.GreaterThanOrEqual(Similarity(word, text), Expression.Constant(FuzzyThreshold)));
            }
            if (!db.IsPostgres && Trigrams.CandidateQuery(word) is { } fts)
            {
                // Candidates first, from the FTS5 trigram index; the condition then runs on those rows only.
                var candidates = db.Set<SearchIndexEntry>().Where(e => e.Match == fts).Select(e => e.Id);
                var id = Expression.Property(Expression.Convert(p, typeof(IEntity)), nameof(IEntity.Id));
                var among = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)], candidates.Expression, id);
                condition = Expression.AndAlso(among, condition);
            }
            rows = rows.Where(Expression.Lambda<Func<T, bool>>(condition, p));
        }
        return rows;
    }

    /// <summary>
    /// The <paramref name="limit"/> best matches for the global search: the first page of a searched list
    /// (<see cref="Api.Keyset.RelevancePageAsync"/>), so both rank the same window of newest matches.
    /// </summary>
    public static async Task<IReadOnlyList<T>> BestAsync<T>(
        this IQueryable<T> rows, PeyvandDbContext db, string query, Expression<Func<T, string>> searchText, int limit,
        CancellationToken cancellationToken)
        where T : class, IEntity =>
        (await Api.Keyset.RelevancePageAsync(rows.Matching(db, query, searchText), rows.Matching(db, query, searchText, typos: false),
            Relevance(query, searchText), new Api.ListQuery(null, limit, null, null), cancellationToken)).Items;

    /// <summary>Substring matching only, for callers without a context (no typo tolerance, no index on SQLite).</summary>
    public static IQueryable<T> Matching<T>(this IQueryable<T> rows, string query, Expression<Func<T, string>> searchText)
    {
        foreach (var word in Words(query))
            rows = rows.Where(Expression.Lambda<Func<T, bool>>(Like(searchText.Body, $"%{Escaped(word)}%"), searchText.Parameters[0]));
        return rows;
    }

    /// <summary>
    /// A row's rank for <paramref name="query"/>, lower first: the sum over query words of <see cref="RankOf"/>'s tiers,
    /// so exact beats prefix beats infix beats fuzzy, and closer typos beat farther ones.
    /// </summary>
    public static Expression<Func<T, int>> Relevance<T>(string query, Expression<Func<T, string>> searchText)
    {
        var text = searchText.Body;
        var padded = Expression.Call(typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string), typeof(string)])!,
            Expression.Constant(" "), text, Expression.Constant(" "));
        Expression? total = null;
        foreach (var word in Words(query))
        {
            var escaped = Escaped(word);
            Expression fuzzy = AllowsTypos(word)
                ? Expression.Add(Expression.Constant(Fuzzy), Expression.Convert(Expression.Multiply(
                    Expression.Subtract(Expression.Constant(1.0), Similarity(word, text)), Expression.Constant(10.0)), typeof(int)))
                : Expression.Constant(Fuzzy + 10);
            var rank = Expression.Condition(Like(padded, $"% {escaped} %"), Expression.Constant(Exact),
                Expression.Condition(Like(padded, $"% {escaped}%"), Expression.Constant(Prefix),
                    Expression.Condition(Like(text, $"%{escaped}%"), Expression.Constant(Infix), fuzzy)));
            total = total is null ? rank : Expression.Add(total, rank);
        }
        return Expression.Lambda<Func<T, int>>(total ?? Expression.Constant(0), searchText.Parameters[0]);
    }

    private static string Escaped(string word) =>
        word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static MethodCallExpression Like(Expression value, string pattern) => Expression.Call(
        typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!,
        Expression.Constant(EF.Functions), value, Value(pattern), Expression.Constant(Escape.ToString()));

    private static MethodCallExpression Similarity(string word, Expression text) =>
        Expression.Call(typeof(Search).GetMethod(nameof(WordSimilarity))!, Value(word), text);

    // A closure member, not a constant: EF sends it as a parameter, so one plan serves every query.
    private static MemberExpression Value(string value) =>
        Expression.Property(Expression.Constant(new Holder(value)), nameof(Holder.Value));

    private sealed record Holder(string Value);
}
