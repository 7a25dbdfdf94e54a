using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Peyvand.Kernel.Domain;

namespace Peyvand.Kernel.Data;

/// <summary>The stamps the save interceptor would give new rows: tenant, creating user, and when (per row).</summary>
public sealed record BulkStamp(Guid TenantId, Guid? UserId, DateTime Now);

/// <summary>
/// Writes many new rows fast (demo data, benchmarks) without change tracking: a prepared INSERT per row in one
/// transaction on SQLite, binary COPY on PostgreSQL. Columns, names and value conversions come from the EF model, so a
/// row is stored exactly as <c>SaveChanges</c> would store it; the tenant and created/updated stamps are the ones the
/// <see cref="TrackingInterceptor"/> gives a new row (version 1, not deleted). No audit entries and no outbox messages
/// are written: bulk-loaded rows are not user edits.
/// </summary>
public sealed partial class BulkInsert(PeyvandDbContext db)
{
    /// <param name="createdAt">When each row was created (seeded history); the stamp's time when null.</param>
    public async Task<int> InsertAsync<T>(IReadOnlyCollection<T> rows, BulkStamp stamp, Func<T, DateTime>? createdAt, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
            return 0;
        var table = db.Model.FindEntityType(typeof(T))?.GetTableMappings().Single().Table
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        var columns = table.Columns
            .Select(c => c.PropertyMappings.Single(m => m.Property.DeclaringType.ClrType.IsAssignableFrom(typeof(T))))
            .Select(m => new Column(m.Column.Name, m.Property, m.TypeMapping, m.Column.IsNullable))
            .ToList();

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (connection is NpgsqlConnection npgsql)
                await CopyAsync(npgsql, table.Name, columns, rows, stamp, createdAt, cancellationToken);
            else
                await InsertRowsAsync(connection, table.Name, columns, rows, stamp, createdAt, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return rows.Count;
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, List<Column> columns, IReadOnlyCollection<T> rows,
        BulkStamp stamp, Func<T, DateTime>? createdAt, CancellationToken cancellationToken)
        where T : class
    {
        var typeNames = columns.Select(c => Facets().Replace(c.Mapping.StoreType, "")).ToArray();
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = ProviderValue(columns[i], row, stamp, createdAt);
                if (value is null)
                    await importer.WriteNullAsync(cancellationToken);
                else
                    await importer.WriteAsync(value, typeNames[i], cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task InsertRowsAsync<T>(DbConnection connection, string table, List<Column> columns, IReadOnlyCollection<T> rows,
        BulkStamp stamp, Func<T, DateTime>? createdAt, CancellationToken cancellationToken)
        where T : class
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                // The type mapping makes the parameter as EF's own inserts do (value converter, GUID and date formats).
                var model = ModelValue(columns[i], row, stamp, createdAt);
                command.Parameters.Add(columns[i].Mapping.CreateParameter(command, $"@p{i}", model, columns[i].Nullable));
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static object? ProviderValue<T>(Column column, T row, BulkStamp stamp, Func<T, DateTime>? createdAt)
        where T : class
    {
        var value = ModelValue(column, row, stamp, createdAt);
        return value is null || column.Mapping.Converter is not { } converter ? value : converter.ConvertToProvider(value);
    }

    // The interceptor's stamps for an added row; everything else as the entity holds it.
    private static object? ModelValue<T>(Column column, T row, BulkStamp stamp, Func<T, DateTime>? createdAt)
        where T : class
    {
        if (row is ITenantOwned)
        {
            switch (column.Property.Name)
            {
                case nameof(ITenantOwned.TenantId):
                    return stamp.TenantId;
            }
        }
        if (row is ITracked)
        {
            switch (column.Property.Name)
            {
                case nameof(ITracked.CreatedAt) or nameof(ITracked.UpdatedAt):
                    return createdAt?.Invoke(row) ?? stamp.Now;
                case nameof(ITracked.CreatedBy) or nameof(ITracked.UpdatedBy):
                    return stamp.UserId;
                case nameof(ITracked.Version):
                    return 1;
                case nameof(ITracked.DeletedAt):
                    return null;
            }
        }
        return column.Property.GetGetter().GetClrValueUsingContainingEntity(row);
    }

    private sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping, bool Nullable);

    // "character varying(100)" → "character varying": COPY names types without their length.
    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex Facets();
}
