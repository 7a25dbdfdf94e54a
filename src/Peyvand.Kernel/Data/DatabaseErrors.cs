using Microsoft.Data.Sqlite;
using Npgsql;

namespace Peyvand.Kernel.Data;

public static class DatabaseErrors
{
    public static bool IsUniqueViolation(Exception ex) => ex.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
