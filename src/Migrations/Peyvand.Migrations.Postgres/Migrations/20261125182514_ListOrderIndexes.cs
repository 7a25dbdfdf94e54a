using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_last_name_first_name",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_owner_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_name",
                table: "companies");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_last_name_id",
                table: "contacts",
                columns: new[] { "tenant_id", "last_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_owner_id_last_name_id",
                table: "contacts",
                columns: new[] { "tenant_id", "owner_id", "last_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_name_id",
                table: "companies",
                columns: new[] { "tenant_id", "name", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_last_name_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_owner_id_last_name_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_name_id",
                table: "companies");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_last_name_first_name",
                table: "contacts",
                columns: new[] { "tenant_id", "last_name", "first_name" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_owner_id",
                table: "contacts",
                columns: new[] { "tenant_id", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_name",
                table: "companies",
                columns: new[] { "tenant_id", "name" });
        }
    }
}
