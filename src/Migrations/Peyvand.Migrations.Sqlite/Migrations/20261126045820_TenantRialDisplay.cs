using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TenantRialDisplay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RialDisplay",
                table: "Tenants",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "toman");

            // Existing organisations: tomans where people work in Persian (how they speak of prices), rials elsewhere.
            migrationBuilder.Sql("UPDATE Tenants SET RialDisplay = 'rial' WHERE DefaultLanguage <> 'fa';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RialDisplay",
                table: "Tenants");
        }
    }
}
