using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Finer statistics on the search columns. A search chooses between walking the newest records and reading the
    /// trigram index by how many rows a word matches; with the default 100-entry histogram a word in 2 % of a million
    /// contacts was estimated at 100 rows, and the wrong plan took seconds (docs/performance.md).
    /// </summary>
    public partial class SearchStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE contacts ALTER COLUMN search_text SET STATISTICS 2500;");
            migrationBuilder.Sql("ALTER TABLE companies ALTER COLUMN search_text SET STATISTICS 2500;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE contacts ALTER COLUMN search_text SET STATISTICS -1;");
            migrationBuilder.Sql("ALTER TABLE companies ALTER COLUMN search_text SET STATISTICS -1;");
        }
    }
}
