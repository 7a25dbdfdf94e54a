using Npgsql;
using Peyvand.Kernel.Data;

namespace Peyvand.Tests.Platform;

public sealed class ConnectionStringTests
{
    [Fact]
    public void Statements_are_prepared_automatically_unless_the_connection_string_says_otherwise()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseSettings.Tuned("Host=db;Database=peyvand"));
        Assert.Equal(DatabaseSettings.DefaultMaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Contains("pg_trgm.word_similarity_threshold", tuned.Options, StringComparison.Ordinal);

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(DatabaseSettings.Tuned("Host=db;Max Auto Prepare=0")).MaxAutoPrepare);
        Assert.Equal(7, new NpgsqlConnectionStringBuilder(DatabaseSettings.Tuned("Host=db;maxautoprepare=7")).MaxAutoPrepare);
    }

    [Fact]
    public void Connections_skip_the_session_reset_unless_the_connection_string_says_otherwise()
    {
        Assert.True(new NpgsqlConnectionStringBuilder(DatabaseSettings.Tuned("Host=db;Database=peyvand")).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(DatabaseSettings.Tuned("Host=db;No Reset On Close=false")).NoResetOnClose);
        Assert.False(new NpgsqlConnectionStringBuilder(DatabaseSettings.Tuned("Host=db;noresetonclose=false")).NoResetOnClose);
    }

    [Fact]
    public void An_operators_own_startup_options_are_kept_and_the_threshold_is_not_added_twice()
    {
        var once = DatabaseSettings.Tuned("Host=db;Options=-c statement_timeout=5000");
        var twice = new NpgsqlConnectionStringBuilder(DatabaseSettings.Tuned(once));

        Assert.StartsWith("-c statement_timeout=5000 ", twice.Options, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(twice.Options!, "word_similarity_threshold"));
    }
}
