using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddressKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "address_keys",
                table: "contacts",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<List<string>>(
                name: "address_keys",
                table: "companies",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            // The column keeps its '{}' default, as the JSON columns keep theirs: rows written by plain SQL have no keys.
            migrationBuilder.Sql(Backfill("contacts"));
            migrationBuilder.Sql(Backfill("companies"));

            migrationBuilder.CreateIndex(
                name: "ix_contacts_address_keys",
                table: "contacts",
                column: "address_keys")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_companies_address_keys",
                table: "companies",
                column: "address_keys")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        // The keys Customers.Domain.AddressKeys.Of writes, for the rows already stored; the city normalised as
        // PersianText.NormalizeForSearch does it (Arabic letters and digits to Persian and ASCII, marks and tatweel
        // dropped, joiners to spaces, lower case, spaces collapsed).
        private static string Backfill(string table) => $$"""
            UPDATE {{table}} AS r SET address_keys = k.keys
            FROM (
                SELECT x.id, array_agg(DISTINCT key COLLATE "C" ORDER BY key COLLATE "C") AS keys
                FROM {{table}} AS x
                CROSS JOIN LATERAL jsonb_array_elements(x.addresses::jsonb) AS a(e)
                CROSS JOIN LATERAL (SELECT upper(coalesce(a.e->>'country', 'IR')) AS n, a.e->>'province' AS p,
                    btrim(regexp_replace(lower(normalize(translate(
                        regexp_replace(normalize(coalesce(a.e->>'city', ''), NFD), '[\u064B-\u065F\u0670\u0300-\u036F\u0640]', '', 'g'),
                        'يىكةٱ۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩' || chr(8204) || chr(8205) || chr(8206) || chr(8207) || chr(160),
                        'ییکها01234567890123456789     '), NFC)), '\s+', ' ', 'g')) AS c) AS f
                CROSS JOIN LATERAL unnest(ARRAY[
                    'n:' || f.n,
                    CASE WHEN f.c <> '' THEN 'c:' || f.c END,
                    CASE WHEN f.c <> '' THEN 'nc:' || f.n || '/' || f.c END,
                    CASE WHEN f.n = 'IR' AND f.p IN ('alborz', 'ardabil', 'bushehr', 'chaharmahal-bakhtiari', 'east-azerbaijan', 'fars', 'gilan', 'golestan', 'hamadan', 'hormozgan', 'ilam', 'isfahan', 'kerman', 'kermanshah', 'khuzestan', 'kohgiluyeh-boyer-ahmad', 'kurdistan', 'lorestan', 'markazi', 'mazandaran', 'north-khorasan', 'qazvin', 'qom', 'razavi-khorasan', 'semnan', 'sistan-baluchestan', 'south-khorasan', 'tehran', 'west-azerbaijan', 'yazd', 'zanjan') THEN 'p:' || f.p END,
                    CASE WHEN f.n = 'IR' AND f.p IN ('alborz', 'ardabil', 'bushehr', 'chaharmahal-bakhtiari', 'east-azerbaijan', 'fars', 'gilan', 'golestan', 'hamadan', 'hormozgan', 'ilam', 'isfahan', 'kerman', 'kermanshah', 'khuzestan', 'kohgiluyeh-boyer-ahmad', 'kurdistan', 'lorestan', 'markazi', 'mazandaran', 'north-khorasan', 'qazvin', 'qom', 'razavi-khorasan', 'semnan', 'sistan-baluchestan', 'south-khorasan', 'tehran', 'west-azerbaijan', 'yazd', 'zanjan') AND f.c <> '' THEN 'pc:' || f.p || '/' || f.c END]) AS key
                WHERE key IS NOT NULL AND x.addresses <> '[]'
                GROUP BY x.id) AS k
            WHERE r.id = k.id;
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contacts_address_keys",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_companies_address_keys",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "address_keys",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "address_keys",
                table: "companies");
        }
    }
}
