using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Peyvand.Kernel.Data;
using Peyvand.Kernel.Domain;

namespace Peyvand.Kernel.Resources;

/// <summary>
/// The read of one record by id (<c>GET /api/v1/{resource}/{id}</c>, the hottest query there is) as an EF compiled query:
/// built and translated once per resource type, so a read skips building its LINQ tree, extracting its parameters and
/// looking it up in EF's query cache. The context's query filters (organisation, soft delete, visibility) still apply,
/// with the values of the context it runs on.
/// </summary>
public sealed class CompiledRead<TEntity>
    where TEntity : class, ITracked
{
    private readonly Expression<Func<PeyvandDbContext, Guid, CancellationToken, TEntity?>> _read;

    // EF binds a compiled query to the model it first runs on; a node has one, a test run one per application it starts.
    private readonly ConditionalWeakTable<IModel, Func<PeyvandDbContext, Guid, CancellationToken, Task<TEntity?>>> _byModel = [];

    internal CompiledRead(LambdaExpression? children)
    {
        var db = Expression.Parameter(typeof(PeyvandDbContext), "db");
        var id = Expression.Parameter(typeof(Guid), "id");
        var cancellation = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
        Expression rows = Expression.Call(db, nameof(DbContext.Set), [typeof(TEntity)]);
        if (children is not null)
        {
            rows = Expression.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.Include),
                [typeof(TEntity), children.ReturnType], rows, Expression.Quote(children));
        }
        rows = Expression.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.AsNoTracking), [typeof(TEntity)], rows);
        var row = Expression.Parameter(typeof(TEntity), "e");
        var match = Expression.Lambda<Func<TEntity, bool>>(Expression.Equal(Expression.Property(row, nameof(ITracked.Id)), id), row);
        var single = Expression.Call(typeof(Queryable), nameof(Queryable.SingleOrDefault), [typeof(TEntity)], rows, Expression.Quote(match));
        _read = Expression.Lambda<Func<PeyvandDbContext, Guid, CancellationToken, TEntity?>>(single, db, id, cancellation);
    }

    public Task<TEntity?> RunAsync(PeyvandDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var model = db.Model;
        if (!_byModel.TryGetValue(model, out var query))
            query = _byModel.GetValue(model, _ => EF.CompileAsyncQuery(_read));
        return query(db, id, cancellationToken);
    }
}

public static class CompiledRead
{
    /// <summary>The record alone (compiled once per type).</summary>
    public static CompiledRead<TEntity> Of<TEntity>()
        where TEntity : class, ITracked => PlainRead<TEntity>.Instance;

    /// <summary>The record with one collection of child rows (what the definition's <c>Including</c> loads). Keep the result in a static field.</summary>
    public static CompiledRead<TEntity> Including<TEntity, TChild>(Expression<Func<TEntity, IEnumerable<TChild>>> children)
        where TEntity : class, ITracked => new(children);

    private static class PlainRead<TEntity>
        where TEntity : class, ITracked
    {
        public static readonly CompiledRead<TEntity> Instance = new(null);
    }
}
