using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListDateIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_created_at_id",
                table: "contacts",
                columns: new[] { "tenant_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_updated_at_id",
                table: "contacts",
                columns: new[] { "tenant_id", "updated_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_created_at_id",
                table: "companies",
                columns: new[] { "tenant_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_updated_at_id",
                table: "companies",
                columns: new[] { "tenant_id", "updated_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_created_at_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_updated_at_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_created_at_id",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_updated_at_id",
                table: "companies");
        }
    }
}
