using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// SQLite only: an FTS5 trigram index over the search text of contacts and companies, kept in step by triggers
    /// (so every write path, the API, the UI, imports and raw SQL alike, updates it), filled from existing rows.
    /// SearchIndexRows maps a record's id to its FTS row, because a plain table's rowid may change on VACUUM.
    /// PostgreSQL needs none of this: its search columns carry pg_trgm GIN indexes. See docs/adr/0006-search.md.
    /// </summary>
    public partial class SearchIndex : Migration
    {
        private static readonly string[] Tables = ["Contacts", "Companies"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchIndex" USING fts5("SearchText", "Id" UNINDEXED, tokenize = 'trigram');
                CREATE TABLE "SearchIndexRows" ("Id" TEXT NOT NULL PRIMARY KEY, "FtsRowid" INTEGER NOT NULL);
                """);
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_SearchIndex_Insert" AFTER INSERT ON "{table}" BEGIN
                        INSERT INTO "SearchIndex" ("SearchText", "Id") VALUES (new."SearchText", new."Id");
                        INSERT INTO "SearchIndexRows" ("Id", "FtsRowid") VALUES (new."Id", last_insert_rowid());
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_SearchIndex_Update" AFTER UPDATE OF "SearchText" ON "{table}" BEGIN
                        UPDATE "SearchIndex" SET "SearchText" = new."SearchText"
                        WHERE rowid = (SELECT "FtsRowid" FROM "SearchIndexRows" WHERE "Id" = old."Id");
                    END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_SearchIndex_Delete" AFTER DELETE ON "{table}" BEGIN
                        DELETE FROM "SearchIndex" WHERE rowid = (SELECT "FtsRowid" FROM "SearchIndexRows" WHERE "Id" = old."Id");
                        DELETE FROM "SearchIndexRows" WHERE "Id" = old."Id";
                    END;
                    """);
                migrationBuilder.Sql($"""INSERT INTO "SearchIndex" ("SearchText", "Id") SELECT "SearchText", "Id" FROM "{table}";""");
            }
            migrationBuilder.Sql("""INSERT INTO "SearchIndexRows" ("Id", "FtsRowid") SELECT "Id", rowid FROM "SearchIndex";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                foreach (var trigger in new[] { "Insert", "Update", "Delete" })
                    migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{table}_SearchIndex_{trigger}";""");
            }
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchIndexRows";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchIndex";""");
        }
    }
}
