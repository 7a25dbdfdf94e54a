using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Peyvand.Kernel.Api;

namespace Peyvand.Kernel.Resources;

/// <summary>A list's count (<c>GET /api/v1/contacts/count</c>, same filters as the list), and with <c>groupBy</c> its groups.</summary>
public sealed record CountView(int Count, IReadOnlyList<GroupCount>? Groups = null);

/// <summary>One group of a count: the field's value as the API writes it (null: none, e.g. no owner) and how many records have it.</summary>
public sealed record GroupCount(string? Key, int Count);

/// <summary>A field a resource's lists can be counted by (its <c>groupBy</c> name → this); the database does the grouping.</summary>
public abstract class CountGroup<TEntity>
{
    public abstract Task<IReadOnlyList<GroupCount>> CountAsync(IQueryable<TEntity> rows, CancellationToken cancellationToken);
}

public static class CountGroup
{
    /// <summary>
    /// By an enum field: every value in declaration order (a funnel reads in order, and an empty stage shows 0), named as the
    /// API writes it, then the records without a value (key null) if there are any.
    /// </summary>
    public static CountGroup<TEntity> ByEnum<TEntity, TEnum>(Expression<Func<TEntity, TEnum?>> field)
        where TEnum : struct, Enum =>
        new Grouping<TEntity, TEnum?>(field, counts =>
        [
            .. Enum.GetValues<TEnum>().Select(v => new GroupCount(QueryEnum.Name(v),
                counts.Where(c => c.Key.Equals(v)).Sum(c => c.Count))),
            .. counts.Where(c => c.Key is null && c.Count > 0).Select(c => new GroupCount(null, c.Count)),
        ]);

    /// <summary>By a reference (an owner, a category): the largest group first, null for the records without one.</summary>
    public static CountGroup<TEntity> ById<TEntity>(Expression<Func<TEntity, Guid?>> field) =>
        new Grouping<TEntity, Guid?>(field, counts =>
            [.. counts.OrderByDescending(c => c.Count).ThenBy(c => c.Key).Select(c => new GroupCount(c.Key?.ToString(), c.Count))]);

    private sealed class Grouping<TEntity, TKey>(
        Expression<Func<TEntity, TKey>> field, Func<IReadOnlyList<(TKey Key, int Count)>, IReadOnlyList<GroupCount>> shape)
        : CountGroup<TEntity>
    {
        public override async Task<IReadOnlyList<GroupCount>> CountAsync(IQueryable<TEntity> rows, CancellationToken cancellationToken)
        {
            var counts = await rows.GroupBy(field).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            return shape([.. counts.Select(c => (c.Key, c.Count))]);
        }
    }
}
