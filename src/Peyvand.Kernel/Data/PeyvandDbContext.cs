using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Peyvand.Kernel.Api;
using Peyvand.Kernel.Auditing;
using Peyvand.Kernel.Domain;
using Peyvand.Kernel.Outbox;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Tenancy;

namespace Peyvand.Kernel.Data;

/// <summary>
/// The one context over the whole CRM graph. It knows no module: modules add their entities through
/// <see cref="IModelContributor"/>. Every tenant-owned type gets the tenant and soft-delete filters here,
/// and owned types a visibility filter driven by the current user's read level.
/// </summary>
/// <remarks>
/// Contexts are pooled (docs/adr/0009-pooled-dbcontext.md): the constructor takes nothing but the options, and the scope
/// that leases a context hands it the scope's <see cref="Tenancy.CurrentUser"/> (<see cref="LeaseFor"/>). Returning the
/// context to the pool forgets the user; a context that holds none refuses every query instead of running unfiltered.
/// </remarks>
public sealed class PeyvandDbContext(DbContextOptions<PeyvandDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string TenantFilter = "Tenant";
    public const string SoftDeleteFilter = "SoftDelete";
    public const string VisibilityFilter = "Visibility";

    private CurrentUser? _currentUser;
    private bool? _isPostgres;

    /// <summary>Who this lease acts for; read by the query filters at query time and by the save interceptor.</summary>
    public CurrentUser CurrentUser => _currentUser
        ?? throw new InvalidOperationException("This context has no current user: take it from a DI scope (or ReadOnlyDbContextFactory), never from the pool directly.");

    /// <summary>
    /// Whether this context talks to PostgreSQL. Remembered (a pooled context keeps its provider): EF's <c>IsNpgsql()</c>
    /// reads the provider's assembly name by reflection on every call.
    /// </summary>
    public bool IsPostgres => _isPostgres ??= Database.IsNpgsql();

    /// <summary>Hands the context to <paramref name="user"/>'s scope; called once per lease, before any query.</summary>
    internal PeyvandDbContext LeaseFor(CurrentUser user)
    {
        if (_currentUser is not null)
            throw new InvalidOperationException("This context is already leased to a scope.");
        _currentUser = user;
        return this;
    }

    // Back to the pool (or gone): the next lease must bring its own user.
    public override void Dispose()
    {
        _currentUser = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _currentUser = null;
        return base.DisposeAsync();
    }

    // Referenced by the query filters; EF evaluates them per query, so one model serves every tenant.
    private Guid? CurrentTenantId => CurrentUser.TenantId;

    /// <summary>The owners whose rows of <paramref name="resource"/> the current user may read; null means all.</summary>
    private Guid[]? OwnerScope(string resource)
    {
        var level = CurrentUser.LevelFor(resource, PermissionAction.Read);
        return level switch
        {
            PermissionLevel.All => null,
            PermissionLevel.Team when CurrentUser.UserId is { } me => [me, .. CurrentUser.TeamMateIds],
            PermissionLevel.Own when CurrentUser.UserId is { } me => [me],
            _ => [],
        };
    }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Data-protection keys live in the database so every app node can read every node's cookies.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored in UTC; SQLite forgets the kind, so every DateTime read back is marked UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new Notifications.NotificationConfiguration());
        modelBuilder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        var contributors = options.FindExtension<ModelContributorsExtension>()?.Contributors
            ?? throw new InvalidOperationException("The context's options carry no model contributors (AddPeyvandDatabase adds them).");
        foreach (var contributor in contributors.All)
            contributor.Configure(modelBuilder);

        modelBuilder.HasDbFunction(typeof(Text.Search).GetMethod(nameof(Text.Search.WordSimilarity))!)
            .HasName(Database.IsNpgsql() ? "word_similarity" : SqlitePragmas.WordSimilarityFunction).IsBuiltIn();
        if (Database.IsSqlite())
            SearchIndexEntry.Configure(modelBuilder);

        if (Database.IsNpgsql())
        {
            // The naming convention leaves explicitly named tables alone; PostgreSQL gets snake_case throughout.
            foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => t.GetTableName() is not null))
                entityType.SetTableName(SnakeCase(entityType.GetTableName()!));

            modelBuilder.HasPostgresExtension("pg_trgm");
            foreach (var entityType in modelBuilder.Model.GetEntityTypes().ToList())
            {
                foreach (var property in entityType.GetProperties().Where(p => p.IsSearchText()).ToList())
                {
                    modelBuilder.Entity(entityType.ClrType).HasIndex(property.Name)
                        .HasMethod("gin").HasOperators("gin_trgm_ops");
                }
                foreach (var property in entityType.GetProperties().Where(p => p.IsJsonDocument()).ToList())
                    property.SetColumnType("jsonb");
                // Tag filters (TagQuery.Tagged) are array containment, which a GIN index on the text[] column answers.
                if (typeof(Domain.ITagged).IsAssignableFrom(entityType.ClrType) && entityType.BaseType is null)
                    modelBuilder.Entity(entityType.ClrType).HasIndex(nameof(Domain.ITagged.Tags)).HasMethod("gin");
                foreach (var property in entityType.GetProperties().Where(p => p.IsFilterKeys()).ToList())
                    modelBuilder.Entity(entityType.ClrType).HasIndex(property.Name).HasMethod("gin");
            }
        }

        CustomFields.CustomFieldSql.Register(modelBuilder, Database.IsNpgsql());

        // After the naming conventions, so the condition names the column as each database spells it.
        foreach (var index in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredIndexes()).ToList())
        {
            if (index.LiveRowsOnly() is { } live)
                index.SetFilter($"\"{index.DeclaringEntityType.FindProperty(nameof(ITracked.DeletedAt))!.GetColumnName()}\" IS {(live ? "" : "NOT ")}NULL");
        }

        var apply = typeof(PeyvandDbContext).GetMethod(nameof(ApplyConventions), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => t.BaseType is null && !t.IsOwned()).ToList())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType))
                apply.MakeGenericMethod(entityType.ClrType).Invoke(this, [modelBuilder]);
        }
    }

    private void ApplyConventions<T>(ModelBuilder modelBuilder)
        where T : class, ITenantOwned
    {
        var entity = modelBuilder.Entity<T>();
        if (entity.Metadata.IsLookupBeforeTenant())
            entity.HasQueryFilter(TenantFilter, e => CurrentTenantId == null || e.TenantId == CurrentTenantId);
        else
            entity.HasQueryFilter(TenantFilter, e => e.TenantId == CurrentTenantId);

        if (typeof(ITracked).IsAssignableFrom(typeof(T)))
        {
            entity.HasQueryFilter(SoftDeleteFilter, SoftDeleteExpression<T>());
            entity.Property(nameof(ITracked.Version)).IsConcurrencyToken();
        }

        if (typeof(IOwned).IsAssignableFrom(typeof(T)) && entity.Metadata.PermissionResource() is { } resource)
            entity.HasQueryFilter(VisibilityFilter, VisibilityExpression<T>(resource));
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static Expression<Func<T, bool>> SoftDeleteExpression<T>()
    {
        var e = Expression.Parameter(typeof(T), "e");
        var deletedAt = Expression.Property(Expression.Convert(e, typeof(ITracked)), nameof(ITracked.DeletedAt));
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(deletedAt, Expression.Constant(null, typeof(DateTime?))), e);
    }

    private Expression<Func<T, bool>> VisibilityExpression<T>(string resource)
    {
        Expression<Func<IOwned, bool>> filter = o =>
            OwnerScope(resource) == null || (o.OwnerId != null && OwnerScope(resource)!.Contains(o.OwnerId.Value));
        var e = Expression.Parameter(typeof(T), "e");
        var body = new ReplaceParameter(filter.Parameters[0], Expression.Convert(e, typeof(IOwned))).Visit(filter.Body);
        return Expression.Lambda<Func<T, bool>>(body, e);
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

internal sealed class NullableUtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime?, DateTime?>(
    v => v == null ? v : v.Value.Kind == DateTimeKind.Local ? v.Value.ToUniversalTime() : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc),
    v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

/// <summary>The modules' model contributions, registered once at start-up in the order Program.cs lists the modules.</summary>
public sealed class ModelContributors(IEnumerable<IModelContributor> all)
{
    public IReadOnlyList<IModelContributor> All { get; } = all.ToList();
}

/// <summary>
/// Carries <see cref="ModelContributors"/> in the context's options, so the context's constructor takes only its options
/// (what pooling requires) and still builds the modules' model.
/// </summary>
internal sealed class ModelContributorsExtension(ModelContributors contributors) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public ModelContributors Contributors { get; } = contributors;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(ModelContributorsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private ModelContributors Contributors => ((ModelContributorsExtension)Extension).Contributors;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => string.Empty;

        // Not part of EF's service-provider key: every app in a process (the tests start dozens) has the same modules, so
        // they share EF's internal services and model, as they did when the contributors came through the constructor.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Peyvand:ModelContributors"] = Contributors.All.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
