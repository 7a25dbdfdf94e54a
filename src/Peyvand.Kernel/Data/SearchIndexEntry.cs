using Microsoft.EntityFrameworkCore;

namespace Peyvand.Kernel.Data;

/// <summary>
/// A row of SQLite's FTS5 trigram index over every search-text column (created, filled and kept in step by triggers in
/// the SQLite migration "SearchIndex"; PostgreSQL has pg_trgm GIN indexes instead). Only read, to find candidates.
/// </summary>
public sealed class SearchIndexEntry
{
    public const string Table = "SearchIndex";

    public Guid Id { get; private set; }

    /// <summary>FTS5's hidden column named after the table: <c>WHERE SearchIndex = 'query'</c> is a MATCH.</summary>
    public string Match { get; private set; } = "";

    internal static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<SearchIndexEntry>(b =>
    {
        b.HasNoKey();
        b.ToTable(Table, t => t.ExcludeFromMigrations());
        b.Property(e => e.Match).HasColumnName(Table);
    });
}
