using System.Linq;
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

        // The keys Customers.Domain.AddressKeys.Of writes, for the rows already stored. SQLite has no Unicode
        // normalisation or regular expressions: the city is normalised by replacements that cover what PersianText
        // does to Persian and Arabic text (letters, hamza forms, marks, tatweel, joiners, digits); accented Latin
        // letters keep their accents here, so such a city is found again once its record is saved.
        private static string Backfill(string table) => $$"""
            UPDATE "{{table}}" SET "AddressKeys" = (
                SELECT json_group_array(key) FROM (
                    SELECT DISTINCT k.value AS key
                    FROM json_each("{{table}}"."Addresses") AS a,
                         json_each(json_array(json_object(
                             'n', upper(coalesce(json_extract(a.value, '$.country'), 'IR')),
                             'p', json_extract(a.value, '$.province'),
                             'c', {{City("coalesce(json_extract(a.value, '$.city'), '')")}}))) AS f,
                         json_each(json_array(
                             'n:' || json_extract(f.value, '$.n'),
                             CASE WHEN json_extract(f.value, '$.c') <> '' THEN 'c:' || json_extract(f.value, '$.c') END,
                             CASE WHEN json_extract(f.value, '$.c') <> '' THEN 'nc:' || json_extract(f.value, '$.n') || '/' || json_extract(f.value, '$.c') END,
                             CASE WHEN json_extract(f.value, '$.n') = 'IR' AND json_extract(f.value, '$.p') IN ('alborz', 'ardabil', 'bushehr', 'chaharmahal-bakhtiari', 'east-azerbaijan', 'fars', 'gilan', 'golestan', 'hamadan', 'hormozgan', 'ilam', 'isfahan', 'kerman', 'kermanshah', 'khuzestan', 'kohgiluyeh-boyer-ahmad', 'kurdistan', 'lorestan', 'markazi', 'mazandaran', 'north-khorasan', 'qazvin', 'qom', 'razavi-khorasan', 'semnan', 'sistan-baluchestan', 'south-khorasan', 'tehran', 'west-azerbaijan', 'yazd', 'zanjan')
                                 THEN 'p:' || json_extract(f.value, '$.p') END,
                             CASE WHEN json_extract(f.value, '$.n') = 'IR' AND json_extract(f.value, '$.p') IN ('alborz', 'ardabil', 'bushehr', 'chaharmahal-bakhtiari', 'east-azerbaijan', 'fars', 'gilan', 'golestan', 'hamadan', 'hormozgan', 'ilam', 'isfahan', 'kerman', 'kermanshah', 'khuzestan', 'kohgiluyeh-boyer-ahmad', 'kurdistan', 'lorestan', 'markazi', 'mazandaran', 'north-khorasan', 'qazvin', 'qom', 'razavi-khorasan', 'semnan', 'sistan-baluchestan', 'south-khorasan', 'tehran', 'west-azerbaijan', 'yazd', 'zanjan')
                                 AND json_extract(f.value, '$.c') <> '' THEN 'pc:' || json_extract(f.value, '$.p') || '/' || json_extract(f.value, '$.c') END)) AS k
                    WHERE k.type <> 'null'
                    ORDER BY 1))
            WHERE "Addresses" <> '[]';
            """;

        private static string City(string expression)
        {
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
                (((char)(0x06F0 + d)).ToString(), d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (((char)(0x0660 + d)).ToString(), d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            });
            var sql = expression;
            foreach (var (from, to) in map.Concat(marks).Concat(digits))
                sql = $"replace({sql}, '{from}', '{to}')";
            for (var i = 0; i < 3; i++)
                sql = $"replace({sql}, '  ', ' ')";
            return $"trim(lower({sql}))";
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
