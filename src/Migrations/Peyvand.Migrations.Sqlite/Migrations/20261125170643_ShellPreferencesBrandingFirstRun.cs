using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ShellPreferencesBrandingFirstRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FirstRunPending",
                table: "Users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Theme",
                table: "Users",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FiscalYearStartDay",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "FiscalYearStartMonth",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<Guid>(
                name: "LogoId",
                table: "Tenants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TenantLogos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantLogos", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TenantLogos_TenantId",
                table: "TenantLogos",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TenantLogos");

            migrationBuilder.DropColumn(
                name: "FirstRunPending",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "Theme",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "FiscalYearStartDay",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "FiscalYearStartMonth",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "LogoId",
                table: "Tenants");
        }
    }
}
