using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TenantRialDisplay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "rial_display",
                table: "tenants",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "toman");

            // Existing organisations: tomans where people work in Persian (how they speak of prices), rials elsewhere.
            migrationBuilder.Sql("UPDATE tenants SET rial_display = 'rial' WHERE default_language <> 'fa';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rial_display",
                table: "tenants");
        }
    }
}
