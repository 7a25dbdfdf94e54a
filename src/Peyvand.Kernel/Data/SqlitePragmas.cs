using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Peyvand.Kernel.Data;

/// <summary>
/// Registers the search's word-similarity function (pg_trgm's, in C#: <see cref="Text.Trigrams"/>) and sets pragmas:
/// WAL lets readers work while one writer commits; a busy timeout makes concurrent writers wait rather than fail;
/// foreign keys are off by default in SQLite. Set on every opened connection.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public const string WordSimilarityFunction = "pv_word_similarity";

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            AddFunctions(sqlite);
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            AddFunctions(sqlite);
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void AddFunctions(SqliteConnection connection) =>
        connection.CreateFunction(WordSimilarityFunction, (string? word, string? text) => Text.Trigrams.WordSimilarity(word, text), isDeterministic: true);
}
