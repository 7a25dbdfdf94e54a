using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddressKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AddressKeys",
                table: "Contacts",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "AddressKeys",
                table: "Companies",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.Sql(Backfill("Contacts"));
            migrationBuilder.Sql(Backfill("Companies"));
        }

        // The keys Customers.Domain.AddressKeys.Of writes, for the rows already stored: each address goes to a work table,
        // its city is normalised there step by step (SQLite has no Unicode normalisation or regular expressions, and a
        // nested chain of replacements overflows its parser), and the keys are gathered back per record. The steps cover
        // what PersianText does to Persian and Arabic text (letters, hamza forms, marks, tatweel, joiners, digits);
        // accented Latin letters keep their accents here, so such a city is found again once its record is saved.
        private static string Backfill(string table)
        {
            var sql = new StringBuilder();
            sql.AppendLine($$"""
                CREATE TEMP TABLE address_key_work AS
                SELECT r."Id" AS id, upper(coalesce(json_extract(a.value, '$.country'), 'IR')) AS n,
                       json_extract(a.value, '$.province') AS p, coalesce(json_extract(a.value, '$.city'), '') AS c
                FROM "{{table}}" AS r, json_each(r."Addresses") AS a
                WHERE r."Addresses" <> '[]';
                """);
            (string From, string To)[] map =
            [
                ("\u064A", "\u06CC"), ("\u0649", "\u06CC"), ("\u0643", "\u06A9"), ("\u0629", "\u0647"), ("\u0671", "\u0627"),
                ("\u0623", "\u0627"), ("\u0625", "\u0627"), ("\u0622", "\u0627"), ("\u0624", "\u0648"), ("\u0626", "\u06CC"),
                ("\u06C0", "\u06D5"), ("\u0640", ""), ("\u200C", " "), ("\u200D", " "), ("\u200E", " "), ("\u200F", " "),
                ("\u00A0", " "), ("\t", " "), ("\r", " "), ("\n", " "),
            ];
            var marks = Enumerable.Range(0x064B, 0x065F - 0x064B + 1).Append(0x0670).Select(c => (((char)c).ToString(), ""));
            var digits = Enumerable.Range(0, 10).SelectMany(d => new[]
            {
                (((char)(0x06F0 + d)).ToString(), d.ToString(CultureInfo.InvariantCulture)),
                (((char)(0x0660 + d)).ToString(), d.ToString(CultureInfo.InvariantCulture)),
            });
            foreach (var (from, to) in map.Concat(marks).Concat(digits))
                sql.AppendLine($"UPDATE address_key_work SET c = replace(c, '{from}', '{to}') WHERE instr(c, '{from}') > 0;");
            for (var i = 0; i < 4; i++)
                sql.AppendLine("UPDATE address_key_work SET c = replace(c, '  ', ' ') WHERE instr(c, '  ') > 0;");
            sql.AppendLine("UPDATE address_key_work SET c = trim(lower(c));");
            sql.AppendLine($$"""
                UPDATE "{{table}}" SET "AddressKeys" = (
                    SELECT json_group_array(key) FROM (
                        SELECT DISTINCT key FROM (
                            SELECT 'n:' || n AS key FROM address_key_work AS w WHERE w.id = "{{table}}"."Id"
                            UNION ALL SELECT 'c:' || c FROM address_key_work AS w WHERE w.id = "{{table}}"."Id" AND c <> ''
                            UNION ALL SELECT 'nc:' || n || '/' || c FROM address_key_work AS w WHERE w.id = "{{table}}"."Id" AND c <> ''
                            UNION ALL SELECT 'p:' || p FROM address_key_work AS w WHERE w.id = "{{table}}"."Id" AND n = 'IR' AND p IN ('alborz', 'ardabil', 'bushehr', 'chaharmahal-bakhtiari', 'east-azerbaijan', 'fars', 'gilan', 'golestan', 'hamadan', 'hormozgan', 'ilam', 'isfahan', 'kerman', 'kermanshah', 'khuzestan', 'kohgiluyeh-boyer-ahmad', 'kurdistan', 'lorestan', 'markazi', 'mazandaran', 'north-khorasan', 'qazvin', 'qom', 'razavi-khorasan', 'semnan', 'sistan-baluchestan', 'south-khorasan', 'tehran', 'west-azerbaijan', 'yazd', 'zanjan')
                            UNION ALL SELECT 'pc:' || p || '/' || c FROM address_key_work AS w
                                WHERE w.id = "{{table}}"."Id" AND n = 'IR' AND p IN ('alborz', 'ardabil', 'bushehr', 'chaharmahal-bakhtiari', 'east-azerbaijan', 'fars', 'gilan', 'golestan', 'hamadan', 'hormozgan', 'ilam', 'isfahan', 'kerman', 'kermanshah', 'khuzestan', 'kohgiluyeh-boyer-ahmad', 'kurdistan', 'lorestan', 'markazi', 'mazandaran', 'north-khorasan', 'qazvin', 'qom', 'razavi-khorasan', 'semnan', 'sistan-baluchestan', 'south-khorasan', 'tehran', 'west-azerbaijan', 'yazd', 'zanjan') AND c <> '')
                        ORDER BY key))
                WHERE "Id" IN (SELECT id FROM address_key_work);
                DROP TABLE address_key_work;
                """);
            return sql.ToString();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AddressKeys",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "AddressKeys",
                table: "Companies");
        }
    }
}
