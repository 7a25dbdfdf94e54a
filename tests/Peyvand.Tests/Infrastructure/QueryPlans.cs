using Npgsql;

namespace Peyvand.Tests.Infrastructure;

/// <summary>What PostgreSQL plans for a statement, for tests that check an index is used.</summary>
public static class QueryPlans
{
    /// <summary>The lines of <c>EXPLAIN</c> for <paramref name="sql"/> with the given parameters.</summary>
    public static async Task<string> ExplainAsync(this NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        foreach (var (name, value) in parameters)
            explain.Parameters.AddWithValue(name, value);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(0));
        return string.Join('\n', plan);
    }
}
