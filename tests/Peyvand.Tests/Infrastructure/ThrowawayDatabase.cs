using Npgsql;

namespace Peyvand.Tests.Infrastructure;

/// <summary>
/// A database of its own on the PostgreSQL server test.sh starts, made for one application and dropped with it.
/// Shared by the integration and browser tests (the E2E project links this file).
/// </summary>
public static class ThrowawayDatabase
{
    /// <summary>Creates a database named <paramref name="prefix"/> plus a unique suffix, and returns its name.</summary>
    public static async Task<string> CreateAsync(string server, string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40];
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
        return name;
    }

    public static string ConnectionString(string server, string name) =>
        new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

    /// <summary>Drops the database even while pooled connections of the finished application still point at it.</summary>
    public static async Task DropAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
