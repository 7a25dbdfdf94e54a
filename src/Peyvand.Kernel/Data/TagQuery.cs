using Peyvand.Kernel.Domain;

namespace Peyvand.Kernel.Data;

public static class TagQuery
{
    /// <summary>
    /// Rows carrying <paramref name="tag"/>: containment, <c>tags @&gt; ARRAY[tag]</c>, which the GIN index on tags answers
    /// (<see cref="KeyArrayQuery.WithAnyKey{T}"/>); <c>tags.Contains(tag)</c> would become <c>tag = ANY(tags)</c>, which no
    /// index serves (a rare tag in a million contacts meant a full scan).
    /// </summary>
    public static IQueryable<T> Tagged<T>(this IQueryable<T> query, string tag)
        where T : class, ITagged =>
        query.WithAnyKey(e => e.Tags, [tag]);
}
