using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ShellPreferencesBrandingFirstRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "first_run_pending",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "theme",
                table: "users",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "fiscal_year_start_day",
                table: "tenants",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "fiscal_year_start_month",
                table: "tenants",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<Guid>(
                name: "logo_id",
                table: "tenants",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "tenant_logos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_logos", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tenant_logos_tenant_id",
                table: "tenant_logos",
                column: "tenant_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tenant_logos");

            migrationBuilder.DropColumn(
                name: "first_run_pending",
                table: "users");

            migrationBuilder.DropColumn(
                name: "theme",
                table: "users");

            migrationBuilder.DropColumn(
                name: "fiscal_year_start_day",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "fiscal_year_start_month",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "logo_id",
                table: "tenants");
        }
    }
}
