using Peyvand.Kernel.Domain;

namespace Peyvand.Kernel.Data;

public static class TagQuery
{
    /// <summary>
    /// Rows carrying <paramref name="tag"/>. Written as "a one-tag array contained in the tags", which PostgreSQL reads
    /// as <c>tags @&gt; ARRAY[tag]</c> and answers from the GIN index on tags; <c>tags.Contains(tag)</c> would become
    /// <c>tag = ANY(tags)</c>, which no index serves (a rare tag in a million contacts meant a full scan).
    /// </summary>
    public static IQueryable<T> Tagged<T>(this IQueryable<T> query, string tag)
        where T : class, ITagged
    {
        string[] wanted = [tag];
        return query.Where(e => wanted.All(t => e.Tags.Contains(t)));
    }
}
